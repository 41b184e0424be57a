package dev.provisioning.digitaloceanagent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.digitaloceanagent.client.VpcApi;
import dev.provisioning.digitaloceanagent.client.VpcApi.Vpc;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * VPCs ({@code <workspace>/<region>/vpc/<name>}): found by their deterministic name ({@link DigitalOceanNames}),
 * created with the spec's {@code ip_range}, ready as soon as they exist.
 */
@ApplicationScoped
public class VpcReconciler implements ResourceKindReconciler<Vpc> {

    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

    private final VpcApi api;

    public VpcReconciler(VpcApi api) {
        this.api = api;
    }

    @Override
    public String kind() {
        return "vpc";
    }

    @Override
    public void validate(DesiredResource desired) {
        desired.optionalText("ip_range").ifPresent(range -> {
            if (!CIDR.matcher(range).matches()) {
                throw ProviderException.invalidSpec("spec.ip_range: '" + range
                        + "' is not a CIDR block such as 10.10.0.0/16");
            }
        });
    }

    @Override
    @WithSpan("observe vpc")
    public Optional<Vpc> observe(ResourceAddress address, String providerRegion) {
        return api.findByName(DigitalOceanNames.forAddress(address));
    }

    /** The VPC uuid of an address given in {@code spec.<key>}, for the kinds that join a VPC. */
    public String resolve(String key, String vpcAddress, String providerRegion) {
        ResourceAddress address = References.parse(key, vpcAddress, kind());
        return observe(address, providerRegion).map(Vpc::id).orElseThrow(() -> References.missing(key, address));
    }

    @Override
    @WithSpan("create vpc")
    public Vpc create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the name up again first.
        Optional<Vpc> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        return api.create(DigitalOceanNames.forAddress(desired.address()), desired.providerRegion(),
                desired.optionalText("ip_range").orElse(null), "provisioned for " + desired.address());
    }

    @Override
    public boolean isUpToDate(Vpc observed, DesiredResource desired) {
        return desired.optionalText("ip_range").map(observed.ipRange()::equals).orElse(true);
    }

    @Override
    public Vpc update(Vpc observed, DesiredResource desired) {
        throw ProviderException.of("ip_range_immutable", "vpc " + desired.address() + " (id " + observed.id()
                + ") has ip_range " + observed.ipRange() + " but the spec asks for "
                + desired.requiredText("ip_range") + "; DigitalOcean cannot change a VPC's range: delete and "
                + "re-create it", false);
    }

    @Override
    @WithSpan("delete vpc")
    public void delete(Vpc observed) {
        api.delete(observed.id());
    }

    @Override
    public boolean isReady(Vpc observed) {
        return true;
    }

    @Override
    public String status(Vpc observed) {
        return "available";
    }

    @Override
    public String providerId(Vpc observed) {
        return observed.id();
    }

    @Override
    public ReadyResource describe(Vpc ready, DesiredResource desired) {
        // VPCs cost nothing at DigitalOcean, so there is no price key.
        return new ReadyResource(ready.id(), Map.of("ip_range", ready.ipRange()), null, null);
    }
}
