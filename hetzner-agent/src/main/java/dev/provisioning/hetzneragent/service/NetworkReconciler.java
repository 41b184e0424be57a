package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import me.tomsdevsn.hetznercloud.objects.enums.SubnetType;
import me.tomsdevsn.hetznercloud.objects.general.Network;
import me.tomsdevsn.hetznercloud.objects.general.Subnet;
import me.tomsdevsn.hetznercloud.objects.request.CreateNetworkRequest;

/**
 * Private networks ({@code <workspace>/<region>/network/<name>}): found by their address label, created with
 * {@code ip_range} and one cloud subnet ({@code subnet_ip_range}, default the range's first /24) in
 * {@code network_zone}; ready as soon as they exist.
 */
@ApplicationScoped
public class NetworkReconciler implements ResourceKindReconciler<Network> {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Map<String, String> ZONE_OF_LOCATION = Map.of("ash", "us-east", "hil", "us-west",
            "sin", "ap-southeast");

    private final HetznerCloud api;

    public NetworkReconciler(HetznerCloud api) {
        this.api = api;
    }

    @Override
    public String kind() {
        return "network";
    }

    @Override
    public void validate(DesiredResource desired) {
        subnetRange(desired);
        desired.optionalText("network_zone");
    }

    @Override
    @WithSpan("observe network")
    public Optional<Network> observe(ResourceAddress address, String providerRegion) {
        return api.networksLabelled(HetznerLabels.selector(address)).stream().min(Comparator.comparing(Network::getId));
    }

    @Override
    @WithSpan("create network")
    public Network create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<Network> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        Subnet subnet = new Subnet();
        subnet.setType(SubnetType.cloud);
        subnet.setIpRange(subnetRange(desired));
        subnet.setNetworkZone(desired.optionalText("network_zone")
                .orElse(ZONE_OF_LOCATION.getOrDefault(desired.providerRegion(), "eu-central")));
        return api.createNetwork(CreateNetworkRequest.builder()
                .name(desired.address().name())
                .ipRange(desired.requiredText("ip_range"))
                .subnets(List.of(subnet))
                .labels(HetznerLabels.forAddress(desired.address()))
                .build());
    }

    @Override
    @WithSpan("delete network")
    public void delete(Network observed) {
        api.deleteNetwork(observed.getId());
    }

    @Override
    public boolean isReady(Network observed) {
        return true;
    }

    @Override
    public String status(Network observed) {
        return "available";
    }

    @Override
    public String providerId(Network observed) {
        return String.valueOf(observed.getId());
    }

    @Override
    public ReadyResource describe(Network ready, DesiredResource desired) {
        return new ReadyResource(providerId(ready), Map.of("ip_range", ready.getIpRange()), null, null);
    }

    /** {@code subnet_ip_range}, or the first /24 of {@code ip_range}. */
    static String subnetRange(DesiredResource desired) {
        String ipRange = desired.requiredText("ip_range");
        var match = CIDR.matcher(ipRange);
        if (!match.matches() || Integer.parseInt(match.group(5)) > 24) {
            throw ProviderException.invalidSpec("spec.ip_range must be an IPv4 CIDR block of /24 or larger, e.g. "
                    + "10.1.0.0/16, was '" + ipRange + "'");
        }
        return desired.optionalText("subnet_ip_range")
                .orElse(match.group(1) + "." + match.group(2) + "." + match.group(3) + ".0/24");
    }
}
