package dev.provisioning.digitaloceanagent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.digitaloceanagent.client.DatabaseApi;
import dev.provisioning.digitaloceanagent.client.DatabaseView;
import dev.provisioning.digitaloceanagent.client.DigitalOceanConnection;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Managed PostgreSQL clusters ({@code <workspace>/<region>/database/<name>}), always primaries: found by the address
 * tag droplets use ({@link DropletTags}), created with the spec's engine, version, size, node count and VPC, ready
 * once {@code online}. The ready event reports how to reach the cluster but never its password or connection URI.
 * A cluster with another size or node count than the spec is not resized.
 */
@ApplicationScoped
public class DatabaseReconciler implements ResourceKindReconciler<DatabaseView> {

    private static final Logger LOG = Logger.getLogger(DatabaseReconciler.class);

    private final DatabaseApi api;
    private final VpcReconciler vpcs;
    private final DigitalOceanConnection connection;

    public DatabaseReconciler(DatabaseApi api, VpcReconciler vpcs, DigitalOceanConnection connection) {
        this.api = api;
        this.vpcs = vpcs;
        this.connection = connection;
    }

    @Override
    public String kind() {
        return "database";
    }

    @Override
    public void validate(DesiredResource desired) {
        DatabaseSpec.of(desired);
    }

    @Override
    @WithSpan("observe database")
    public Optional<DatabaseView> observe(ResourceAddress address, String providerRegion) {
        List<DatabaseView> tagged = api.listByTag(DropletTags.addressTag(address));
        if (tagged.size() > 1) {
            // Only possible if something outside this agent created one; the oldest is the one events refer to.
            LOG.warnf("several database clusters carry one address tag address=%s count=%d", address, tagged.size());
        }
        return tagged.stream().min(Comparator.comparing(DatabaseView::createdAt).thenComparing(DatabaseView::id));
    }

    @Override
    @WithSpan("create database")
    public DatabaseView create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<DatabaseView> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        DatabaseSpec spec = DatabaseSpec.of(desired);
        String vpcUuid = spec.vpc() == null ? null
                : vpcs.resolve("vpc", spec.vpc().toString(), desired.providerRegion());
        String name = DigitalOceanNames.forDatabase(desired.address());
        LOG.infof("creating database cluster address=%s name=%s engine=%s version=%s size=%s numNodes=%d",
                desired.address(), name, spec.engine(), spec.version(), spec.size(), spec.numNodes());
        return api.create(DatabaseView.request(connection.json(), name, spec.engine(), spec.version(),
                desired.providerRegion(), spec.size(), spec.numNodes(), DropletTags.forDroplet(desired.address(),
                        List.of()), vpcUuid));
    }

    @Override
    public boolean isUpToDate(DatabaseView observed, DesiredResource desired) {
        DatabaseSpec spec = DatabaseSpec.of(desired);
        return observed.size().equals(spec.size()) && observed.numNodes() == spec.numNodes();
    }

    @Override
    public DatabaseView update(DatabaseView observed, DesiredResource desired) {
        DatabaseSpec spec = DatabaseSpec.of(desired);
        throw ProviderException.of("resize_unsupported", "database " + desired.address() + " (id " + observed.id()
                + ") has size " + observed.size() + " with " + observed.numNodes() + " node(s) but the spec asks for "
                + spec.size() + " with " + spec.numNodes() + " node(s); resizing database clusters is not supported "
                + "yet: delete and re-create it", false);
    }

    @Override
    @WithSpan("delete database")
    public void delete(DatabaseView observed) {
        api.delete(observed.id());
    }

    @Override
    public boolean isReady(DatabaseView observed) {
        return "online".equals(observed.status());
    }

    @Override
    public String status(DatabaseView observed) {
        return observed.status();
    }

    @Override
    public String providerId(DatabaseView observed) {
        return observed.id();
    }

    @Override
    public ReadyResource describe(DatabaseView ready, DesiredResource desired) {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("host", ready.host());
        addresses.put("port", String.valueOf(ready.port()));
        if (ready.privateHost() != null) {
            addresses.put("private_host", ready.privateHost());
        }
        addresses.put("database", ready.database());
        addresses.put("user", ready.user());
        return new ReadyResource(ready.id(), addresses, ready.size(),
                "digitalocean:database:" + ready.size() + ":" + ready.numNodes());
    }
}
