package dev.provisioning.costservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentTests {

    @ParameterizedTest
    @CsvSource({
            "droplet, compute", "server, compute", "ec2-instance, compute", "hetzner-server, compute",
            "load-balancer, load-balancer", "alb, load-balancer", "regional-lb, load-balancer",
            "database, database", "db-primary, database", "db-replica, database", "rds-replica, database",
            "network, network", "vpc, network", "vswitch, network",
            "volume, volume", "data-disk, volume",
            "dns-record, other"})
    void componentFollowsTheAddressKind(String kind, String component) {
        assertEquals(component, Component.ofKind(kind).id());
    }
}
