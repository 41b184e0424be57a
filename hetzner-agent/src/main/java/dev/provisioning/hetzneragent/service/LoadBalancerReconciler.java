package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.tomsdevsn.hetznercloud.objects.enums.TargetType;
import me.tomsdevsn.hetznercloud.objects.general.LBHealthCheck;
import me.tomsdevsn.hetznercloud.objects.general.LBService;
import me.tomsdevsn.hetznercloud.objects.general.LBTarget;
import me.tomsdevsn.hetznercloud.objects.general.LBTargetServer;
import me.tomsdevsn.hetznercloud.objects.general.LoadBalancer;
import me.tomsdevsn.hetznercloud.objects.general.Network;
import me.tomsdevsn.hetznercloud.objects.general.Server;
import me.tomsdevsn.hetznercloud.objects.request.CreateLoadBalancerRequest;

/**
 * Load balancers ({@code <workspace>/<region>/load-balancer/<name>}): found by their address label, created in
 * one request with the {@code load_balancer_type} (default lb11), the {@code targets} (server addresses, resolved
 * through {@link ServerReconciler}), the {@code services} and an optional {@code network}; ready once they have a
 * public IPv4 address.
 */
@ApplicationScoped
public class LoadBalancerReconciler implements ResourceKindReconciler<LoadBalancer> {

    static final String DEFAULT_TYPE = "lb11";

    private final HetznerCloud api;
    private final ServerReconciler servers;
    private final NetworkReconciler networks;

    public LoadBalancerReconciler(HetznerCloud api, ServerReconciler servers, NetworkReconciler networks) {
        this.api = api;
        this.servers = servers;
        this.networks = networks;
    }

    @Override
    public String kind() {
        return "load-balancer";
    }

    @Override
    public void validate(DesiredResource desired) {
        desired.optionalText("load_balancer_type");
        targets(desired);
        services(desired);
        HetznerLabels.reference(desired.spec().get("network"), "network", "network");
    }

    @Override
    @WithSpan("observe load-balancer")
    public Optional<LoadBalancer> observe(ResourceAddress address, String providerRegion) {
        return api.loadBalancersLabelled(HetznerLabels.selector(address)).stream()
                .min(Comparator.comparing(LoadBalancer::getId));
    }

    @Override
    @WithSpan("create load-balancer")
    public LoadBalancer create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<LoadBalancer> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        Long networkId = HetznerLabels.reference(desired.spec().get("network"), "network", "network")
                .map(network -> networks.observe(network, desired.providerRegion()).map(Network::getId)
                        .orElseThrow(() -> HetznerLabels.missingReference("network", network, desired.address())))
                .orElse(null);
        List<LBTarget> targets = new ArrayList<>();
        for (ResourceAddress target : targets(desired)) {
            Server server = servers.observe(target, desired.providerRegion())
                    .orElseThrow(() -> HetznerLabels.missingReference("targets", target, desired.address()));
            LBTargetServer ref = new LBTargetServer();
            ref.setId(server.getId());
            LBTarget lbTarget = new LBTarget();
            lbTarget.setType(TargetType.server);
            lbTarget.setServer(ref);
            // Through the private network when the load balancer is in one, as Hetzner requires it be attached.
            lbTarget.setUsePrivateIp(networkId != null);
            targets.add(lbTarget);
        }
        return api.createLoadBalancer(CreateLoadBalancerRequest.builder()
                .name(desired.address().name())
                .loadBalancerType(type(desired))
                .location(desired.providerRegion())
                .labels(HetznerLabels.forAddress(desired.address()))
                .services(services(desired))
                .targets(targets)
                .publicInterface(true)
                .network(networkId)
                .build());
    }

    @Override
    @WithSpan("delete load-balancer")
    public void delete(LoadBalancer observed) {
        api.deleteLoadBalancer(observed.getId());
    }

    @Override
    public boolean isReady(LoadBalancer observed) {
        return observed.getPublicIpv4() != null;
    }

    @Override
    public String status(LoadBalancer observed) {
        return observed.getPublicIpv4() != null ? "available" : "pending";
    }

    @Override
    public String providerId(LoadBalancer observed) {
        return String.valueOf(observed.getId());
    }

    @Override
    public ReadyResource describe(LoadBalancer ready, DesiredResource desired) {
        String type = ready.getLoadBalancerType() != null ? ready.getLoadBalancerType().getName() : type(desired);
        String location = ready.getLocation() != null ? ready.getLocation().getName() : desired.providerRegion();
        return new ReadyResource(providerId(ready), Map.of("ipv4", ready.getPublicIpv4()), type,
                "hetzner:load-balancer-type:" + type + ":" + location);
    }

    private static String type(DesiredResource desired) {
        return desired.optionalText("load_balancer_type").orElse(DEFAULT_TYPE);
    }

    private static List<ResourceAddress> targets(DesiredResource desired) {
        List<ResourceAddress> targets = new ArrayList<>();
        for (String target : desired.textList("targets")) {
            targets.add(HetznerLabels.reference(target, "targets", "server").orElseThrow());
        }
        return targets;
    }

    /** {@code services}: {@code [{protocol, listen_port, destination_port, health_check: {protocol, port, path}}]}. */
    static List<LBService> services(DesiredResource desired) {
        Object value = desired.spec().get("services");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> items)) {
            throw ProviderException.invalidSpec("spec.services must be a list of objects");
        }
        List<LBService> services = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> service)) {
                throw ProviderException.invalidSpec("spec.services must be a list of objects, but holds " + item);
            }
            String protocol = text(service, "protocol", "http").toLowerCase(Locale.ROOT);
            if (!List.of("tcp", "http", "https").contains(protocol)) {
                throw ProviderException.invalidSpec("spec.services[].protocol must be tcp, http or https, was '"
                        + protocol + "'");
            }
            long listenPort = port(service, "listen_port", protocol.equals("https") ? 443 : 80);
            long destinationPort = port(service, "destination_port", 80);
            LBService lbService = new LBService();
            lbService.setProtocol(protocol);
            lbService.setListenPort(listenPort);
            lbService.setDestinationPort(destinationPort);
            lbService.setProxyprotocol(false);
            Object check = service.get("health_check");
            if (check != null) {
                if (!(check instanceof Map<?, ?> health)) {
                    throw ProviderException.invalidSpec("spec.services[].health_check must be an object");
                }
                LBHealthCheck healthCheck = new LBHealthCheck();
                String checkProtocol = text(health, "protocol", protocol.equals("tcp") ? "tcp" : "http");
                healthCheck.setProtocol(checkProtocol);
                healthCheck.setPort(port(health, "port", destinationPort));
                healthCheck.setInterval(15L);
                healthCheck.setTimeout(10L);
                healthCheck.setRetries(3L);
                if (!checkProtocol.equals("tcp")) {
                    LBHealthCheck.Http http = new LBHealthCheck.Http();
                    http.setPath(text(health, "path", "/"));
                    healthCheck.setHttp(http);
                }
                lbService.setHealthCheck(healthCheck);
            }
            services.add(lbService);
        }
        return services;
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    private static long port(Map<?, ?> map, String key, long fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long port = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw ProviderException.invalidSpec("spec.services[]." + key + " must be a port number, was '" + value
                    + "'");
        }
    }
}
