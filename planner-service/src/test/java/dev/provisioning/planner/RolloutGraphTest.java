package dev.provisioning.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.service.RolloutGraph;
import dev.provisioning.planner.service.WorkspaceParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutGraphTest {

    static final String THREE_LAYERS = """
            {"dns": {"domain": "api.example.com", "defaultRegion": "eu-central",
                     "healthCheck": {"protocol": "HTTPS", "port": 443, "path": "/health"}},
             "regions": {"eu-central": {"provider": "hetzner", "location": "nbg1", "dnsLabel": "eu", "geo": "EU",
               "resources": [
                 {"kind": "load-balancer", "name": "eu-lb", "targets": ["eu-app"], "network": "eu-net"},
                 {"kind": "server", "name": "eu-app", "count": 2, "server_type": "cpx22", "network": "eu-net"},
                 {"kind": "network", "name": "eu-net", "ip_range": "10.1.0.0/16"}]}}}
            """;

    @Test
    void referencesBecomeAddressesAndEdgesInDependencyOrder() {
        WorkspaceDefinition workspace = new WorkspaceParser().parse("ha", THREE_LAYERS);
        List<RolloutGraph.Node> nodes = RolloutGraph.of(workspace, null);

        assertEquals(List.of("ha/eu-central/network/eu-net", "ha/eu-central/server/eu-app-1",
                "ha/eu-central/server/eu-app-2", "ha/eu-central/load-balancer/eu-lb",
                "ha/global/dns-record/eu.api.example.com"), nodes.stream().map(RolloutGraph.Node::key).toList());
        RolloutGraph.Node balancer = nodes.get(3);
        assertEquals(List.of("ha/eu-central/server/eu-app-1", "ha/eu-central/server/eu-app-2"), balancer.spec().get("targets"));
        assertEquals("ha/eu-central/network/eu-net", balancer.spec().get("network"));
        assertTrue(balancer.dependsOn().containsAll(List.of("ha/eu-central/network/eu-net",
                "ha/eu-central/server/eu-app-1", "ha/eu-central/server/eu-app-2")));
        assertEquals(List.of("ha/eu-central/load-balancer/eu-lb"), nodes.get(4).dependsOn());
    }

    @Test
    void theFrontResourceCarriesTheDnsContext() {
        WorkspaceDefinition workspace = new WorkspaceParser().parse("ha", THREE_LAYERS);
        RolloutGraph.Node balancer = RolloutGraph.of(workspace, null).get(3);

        assertEquals("eu.api.example.com", balancer.context().get(ContextKeys.DNS_NAME));
        assertEquals("api.example.com", balancer.context().get(ContextKeys.DNS_APEX));
        assertEquals("*", balancer.context().get(ContextKeys.DNS_GEO), "the default region answers everywhere else");
        assertEquals("EU", balancer.context().get(ContextKeys.DNS_GEO_ALSO));
        assertEquals("eu-central", balancer.context().get(ContextKeys.DNS_SET_ID));
        assertEquals("/health", balancer.context().get(ContextKeys.DNS_HEALTH_PATH));
        assertEquals("30", balancer.context().get(ContextKeys.DNS_HEALTH_INTERVAL));
        assertEquals("3", balancer.context().get(ContextKeys.DNS_HEALTH_THRESHOLD));
        assertTrue(RolloutGraph.of(workspace, null).get(1).context().isEmpty(), "servers behind the balancer get no DNS");
    }

    @Test
    void theSeedsReplicasFollowThePrimaryAcrossRegionsAndSayTheirRole() throws Exception {
        String json = java.nio.file.Files.readString(java.nio.file.Path.of(
                "../deploy/workspaces/multi-region-ha/equivalents/workspace.json"));
        List<RolloutGraph.Node> nodes = RolloutGraph.of(new WorkspaceParser().parse("multi-region-ha", json), null);
        List<String> order = nodes.stream().map(RolloutGraph.Node::key).toList();
        String primary = "multi-region-ha/us-east/database/us-db-primary";
        String euReplica = "multi-region-ha/eu-central/database-replica/eu-db-replica";
        String asiaReplica = "multi-region-ha/asia-southeast/rds-instance/asia-db-replica";

        RolloutGraph.Node eu = nodes.get(order.indexOf(euReplica));
        RolloutGraph.Node asia = nodes.get(order.indexOf(asiaReplica));
        assertTrue(order.indexOf(primary) < order.indexOf(euReplica));
        assertTrue(order.indexOf(primary) < order.indexOf(asiaReplica));
        assertTrue(order.indexOf("multi-region-ha/us-east/vpc/us-vpc") < order.indexOf(primary));
        assertTrue(eu.dependsOn().containsAll(List.of(primary, "multi-region-ha/eu-central/server/hetzner-eu-1",
                "multi-region-ha/eu-central/volume/eu-backups")), eu.dependsOn().toString());
        assertEquals(primary, eu.spec().get("primary"));
        assertEquals("multi-region-ha/eu-central/server/hetzner-eu-1", eu.spec().get("host"));
        assertEquals("replica", eu.context().get(ContextKeys.DB_ROLE));
        assertEquals(primary, eu.context().get(ContextKeys.DB_PRIMARY));
        assertEquals("300", eu.context().get(ContextKeys.DB_MAX_LAG_SECONDS));
        assertEquals(List.of(primary, "multi-region-ha/asia-southeast/vpc/asia-vpc").stream().sorted().toList(),
                asia.dependsOn().stream().sorted().toList());
        assertEquals("primary", nodes.get(order.indexOf(primary)).context().get(ContextKeys.DB_ROLE));
        assertEquals(19, nodes.stream().filter(n -> !n.dns()).count(), "every resource of the seed");
    }
}
