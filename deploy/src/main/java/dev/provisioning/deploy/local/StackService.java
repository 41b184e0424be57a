package dev.provisioning.deploy.local;

import java.util.List;
import java.util.Optional;

/**
 * One Quarkus service of the local stack: its Maven module (also its name), HTTP port, the
 * database it owns (if any) and its heap.
 */
public record StackService(String name, int port, String database, int heapMb) {

    /** The seven services with the ports every tool and doc assumes. */
    public static final List<StackService> DEFAULTS = List.of(
            new StackService("planner-service", 8080, "planner", 192),
            new StackService("aws-agent", 8081, null, 192),
            new StackService("hetzner-agent", 8082, null, 192),
            new StackService("digitalocean-agent", 8083, null, 192),
            new StackService("dns-service", 8084, "dnsservice", 192),
            new StackService("db-replication-service", 8085, "replication", 192),
            new StackService("cost-service", 8086, "cost", 192));

    public Optional<String> ownDatabase() {
        return Optional.ofNullable(database);
    }

    public StackService withPort(int newPort) {
        return new StackService(name, newPort, database, heapMb);
    }
}
