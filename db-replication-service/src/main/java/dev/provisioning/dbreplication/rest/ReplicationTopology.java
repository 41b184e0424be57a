package dev.provisioning.dbreplication.rest;

import dev.provisioning.dbreplication.DatabaseNode;
import dev.provisioning.dbreplication.DatabaseRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON view of a workspace's database topology: its primary (null while none is ready), its replicas, and
 * warnings about states that should not exist (two primaries).
 */
public record ReplicationTopology(String workspace, Node primary, List<Node> replicas, List<String> warnings) {

    /** One database server and where it is hosted. */
    public record Node(String address, String region, String name, String kind, String provider,
                       String providerRegion, String providerId, String size, Map<String, String> addresses,
                       String primaryAddress, String rolloutId, Instant readyAt) {

        static Node of(DatabaseNode node) {
            return new Node(node.address, node.region, node.name, node.kind, node.provider, node.providerRegion,
                    node.providerId, node.size, new TreeMap<>(node.addresses), node.primaryAddress, node.rolloutId,
                    node.readyAt);
        }
    }

    static ReplicationTopology of(String workspace, List<DatabaseNode> nodes) {
        List<DatabaseNode> primaries = nodes.stream().filter(n -> n.role == DatabaseRole.PRIMARY)
                .sorted(Comparator.comparing((DatabaseNode n) -> n.readyAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
        List<String> warnings = new ArrayList<>();
        if (primaries.size() > 1) {
            // Never expected: shown rather than hidden, with the most recently ready one as the primary.
            warnings.add(primaries.size() + " primary databases are ready ("
                    + String.join(", ", primaries.stream().map(n -> n.address).toList())
                    + "); a workspace has exactly one primary");
        }
        List<Node> replicas = nodes.stream().filter(n -> n.role == DatabaseRole.REPLICA).map(Node::of).toList();
        String primaryAddress = primaries.isEmpty() ? null : primaries.get(0).address;
        for (Node replica : replicas) {
            if (replica.primaryAddress() != null && primaryAddress != null
                    && !replica.primaryAddress().equals(primaryAddress)) {
                warnings.add(replica.address() + " follows " + replica.primaryAddress() + ", not the primary "
                        + primaryAddress);
            }
        }
        return new ReplicationTopology(workspace, primaries.isEmpty() ? null : Node.of(primaries.get(0)), replicas,
                warnings);
    }
}
