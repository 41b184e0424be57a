package dev.provisioning.dbreplication.service;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.dbreplication.DatabaseNode;
import dev.provisioning.dbreplication.DatabaseRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records the database topology from resource events: a ready database (see {@link DatabaseRole}) becomes a node of
 * its workspace, with the primary a replica follows; a deleted one leaves it. Every other resource is ignored.
 *
 * <p>Events of one resource arrive in order (they share a key), but a redelivery can replay an older one; comparing
 * event times keeps a late ResourceReady from resurrecting a deleted server.
 */
@ApplicationScoped
public class TopologyRecorder {

    private static final Logger LOG = Logger.getLogger(TopologyRecorder.class);

    private final MeterRegistry meters;

    public TopologyRecorder(MeterRegistry meters) {
        this.meters = meters;
    }

    @WithSpan("replication.record-ready")
    @Transactional
    public void recordReady(ResourceReady ready) {
        Optional<DatabaseRole> role = DatabaseRole.of(ready.address().kind(), ready.context());
        if (role.isEmpty()) {
            return;
        }
        String address = ready.address().toString();
        Span.current().setAttribute("replication.node", address);
        Optional<DatabaseNode> existing = DatabaseNode.byAddress(address);
        if (existing.isPresent() && isOlderThanWhatWeKnow(ready, existing.get())) {
            LOG.infof("ignored a ResourceReady of %s from %s: a later event is already recorded", address,
                    ready.readyAt());
            return;
        }
        DatabaseNode node = existing.orElseGet(DatabaseNode::new);
        node.address = address;
        node.workspace = ready.address().workspace();
        node.region = ready.address().region();
        node.name = ready.address().name();
        node.role = role.get();
        node.kind = ready.address().kind();
        node.primaryAddress = role.get() == DatabaseRole.REPLICA ? ready.context().get(ContextKeys.DB_PRIMARY) : null;
        node.provider = ready.provider().id();
        node.providerRegion = ready.providerRegion();
        node.providerId = ready.providerId();
        node.size = ready.size();
        node.addresses.clear();
        node.addresses.putAll(new HashMap<>(ready.addresses()));
        node.rolloutId = ready.rolloutId();
        node.readyAt = ready.readyAt();
        node.deletedAt = null;
        node.persist();
        meters.counter("replication.nodes.recorded", "role", role.get().name()).increment();
        LOG.infof("%s %s is ready on %s %s (%s)", role.get().name().toLowerCase(), address, node.provider,
                node.providerRegion, node.providerId);
    }

    @WithSpan("replication.record-deleted")
    @Transactional
    public void recordDeleted(ResourceDeleted deleted) {
        String address = deleted.address().toString();
        Span.current().setAttribute("replication.node", address);
        Optional<DatabaseNode> existing = DatabaseNode.byAddress(address);
        if (existing.isEmpty()) {
            // Every deleted resource is looked up: a delete event need not say whether it was a database.
            return;
        }
        DatabaseNode node = existing.get();
        if (node.deletedAt == null || node.deletedAt.isBefore(deleted.deletedAt())) {
            node.deletedAt = deleted.deletedAt();
            node.rolloutId = deleted.rolloutId();
            meters.counter("replication.nodes.deleted", "role", node.role.name()).increment();
            LOG.infof("%s %s is deleted", node.role.name().toLowerCase(), address);
        }
    }

    private static boolean isOlderThanWhatWeKnow(ResourceReady ready, DatabaseNode node) {
        if (node.deletedAt != null && ready.readyAt().isBefore(node.deletedAt)) {
            return true;
        }
        return node.readyAt != null && ready.readyAt().isBefore(node.readyAt);
    }
}
