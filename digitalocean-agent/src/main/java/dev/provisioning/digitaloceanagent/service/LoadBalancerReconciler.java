package dev.provisioning.digitaloceanagent.service;

import com.myjeeva.digitalocean.pojo.Droplet;
import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.digitaloceanagent.client.CertificateApi;
import dev.provisioning.digitaloceanagent.client.DigitalOceanConnection;
import dev.provisioning.digitaloceanagent.client.LoadBalancerApi;
import dev.provisioning.digitaloceanagent.client.LoadBalancerView;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Load balancers ({@code <workspace>/<region>/load-balancer/<name>}): found by their deterministic name
 * ({@link DigitalOceanNames}, load balancers have no tags), targeting the droplets whose addresses the spec lists,
 * ready once {@code active} with an IPv4. A load balancer whose rules, health check, size or targets differ from the
 * spec is changed in place.
 */
@ApplicationScoped
public class LoadBalancerReconciler implements ResourceKindReconciler<LoadBalancerView> {

    private static final Logger LOG = Logger.getLogger(LoadBalancerReconciler.class);

    private final LoadBalancerApi api;
    private final DropletReconciler droplets;
    private final VpcReconciler vpcs;
    private final DigitalOceanConnection connection;
    private final CertificateApi certificates;

    public LoadBalancerReconciler(LoadBalancerApi api, DropletReconciler droplets, VpcReconciler vpcs,
            DigitalOceanConnection connection, CertificateApi certificates) {
        this.certificates = certificates;
        this.api = api;
        this.droplets = droplets;
        this.vpcs = vpcs;
        this.connection = connection;
    }

    @Override
    public String kind() {
        return "load-balancer";
    }

    @Override
    public void validate(DesiredResource desired) {
        LoadBalancerSpec.of(desired);
    }

    @Override
    @WithSpan("observe load balancer")
    public Optional<LoadBalancerView> observe(ResourceAddress address, String providerRegion) {
        List<LoadBalancerView> named = api.findByName(DigitalOceanNames.forAddress(address));
        if (named.size() > 1) {
            // Only possible if something outside this agent created one with the same name.
            LOG.warnf("several load balancers carry one name address=%s count=%d", address, named.size());
        }
        return named.stream().min(Comparator.comparing(LoadBalancerView::id));
    }

    @Override
    @WithSpan("create load balancer")
    public LoadBalancerView create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the name up again first.
        Optional<LoadBalancerView> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        LoadBalancerSpec spec = LoadBalancerSpec.of(desired).withCertificateIds(certificates::idByName);
        String vpcUuid = spec.vpc() == null ? null
                : vpcs.resolve("vpc", spec.vpc().toString(), desired.providerRegion());
        return api.create(LoadBalancerView.request(connection.json(), DigitalOceanNames.forAddress(desired.address()),
                desired.providerRegion(), spec.sizeUnit(), spec.forwardingRules(), spec.healthCheck(),
                targetIds(spec, desired.providerRegion()), vpcUuid));
    }

    @Override
    public boolean isUpToDate(LoadBalancerView observed, DesiredResource desired) {
        LoadBalancerSpec spec = LoadBalancerSpec.of(desired).withCertificateIds(certificates::idByName);
        return settingsMatch(observed, spec)
                && Set.copyOf(observed.dropletIds()).equals(Set.copyOf(targetIds(spec, desired.providerRegion())));
    }

    @Override
    @WithSpan("update load balancer")
    public LoadBalancerView update(LoadBalancerView observed, DesiredResource desired) {
        LoadBalancerSpec spec = LoadBalancerSpec.of(desired).withCertificateIds(certificates::idByName);
        List<Integer> wanted = targetIds(spec, desired.providerRegion());
        if (!settingsMatch(observed, spec)) {
            LOG.infof("updating load balancer settings in place address=%s id=%s", desired.address(), observed.id());
            return api.update(observed.id(), LoadBalancerView.request(connection.json(), observed.name(),
                    desired.providerRegion(), spec.sizeUnit(), spec.forwardingRules(), spec.healthCheck(), wanted,
                    null));
        }
        List<Integer> added = new ArrayList<>(wanted);
        added.removeAll(observed.dropletIds());
        List<Integer> removed = new ArrayList<>(observed.dropletIds());
        removed.removeAll(wanted);
        LOG.infof("changing load balancer targets address=%s id=%s added=%s removed=%s", desired.address(),
                observed.id(), added, removed);
        if (!added.isEmpty()) {
            api.addDroplets(observed.id(), added);
        }
        if (!removed.isEmpty()) {
            api.removeDroplets(observed.id(), removed);
        }
        return observe(desired.address(), desired.providerRegion()).orElse(observed);
    }

    @Override
    @WithSpan("delete load balancer")
    public void delete(LoadBalancerView observed) {
        api.delete(observed.id());
    }

    @Override
    public boolean isReady(LoadBalancerView observed) {
        return "active".equals(observed.status()) && !observed.ip().isEmpty();
    }

    @Override
    public String status(LoadBalancerView observed) {
        return observed.status();
    }

    @Override
    public String providerId(LoadBalancerView observed) {
        return observed.id();
    }

    @Override
    public ReadyResource describe(LoadBalancerView ready, DesiredResource desired) {
        String sizeUnit = String.valueOf(ready.sizeUnit());
        return new ReadyResource(ready.id(), Map.of("ipv4", ready.ip()), sizeUnit,
                "digitalocean:load-balancer:" + sizeUnit);
    }

    private static boolean settingsMatch(LoadBalancerView observed, LoadBalancerSpec spec) {
        return observed.sizeUnit() == spec.sizeUnit()
                && new HashSet<>(observed.forwardingRules()).equals(new HashSet<>(spec.forwardingRules()))
                && (spec.healthCheck() == null || spec.healthCheck().equals(observed.healthCheck()));
    }

    /** The droplet ids of the spec's target addresses, looked up by their address tags. */
    private List<Integer> targetIds(LoadBalancerSpec spec, String providerRegion) {
        List<Integer> ids = new ArrayList<>();
        for (ResourceAddress target : spec.targets()) {
            Droplet droplet = droplets.observe(target, providerRegion)
                    .orElseThrow(() -> References.missing("targets", target));
            ids.add(droplet.getId());
        }
        return ids;
    }
}
