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
            "database-replica, database", "rds-instance, database",
            "network, network", "vpc, network", "vswitch, network",
            "volume, volume", "data-disk, volume",
            "dns-record, other"})
    void componentFollowsTheAddressKind(String kind, String component) {
        assertEquals(component, Component.ofKind(kind).id());
    }

    @ParameterizedTest
    @CsvSource({
            "cluster, digitalocean:database:db-s-2vcpu-4gb:3, database",
            "anything, aws:rds:db.t3.medium:ap-southeast-1, database",
            "database-replica, , database",
            "database-replica, hetzner:server-type:cpx21:nbg1, database",
            "droplet, digitalocean:size:s-2vcpu-4gb, compute",
            "database, digitalocean:size:s-2vcpu-4gb, database"})
    void aDatabasePriceKeyMakesADatabaseWhateverTheKind(String kind, String priceKey, String component) {
        assertEquals(component, Component.of(kind, priceKey).id());
    }
}
