package dev.provisioning.agent.reconcile;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A resource kind backed by a map, with scripted failures and a number of polls before a server is ready. */
final class InMemoryServers implements ResourceKindReconciler<InMemoryServers.Server> {

    record Server(String id, String address, String size, String status) {
    }

    final Map<String, Server> byAddress = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final Deque<ProviderException> createFailures = new ArrayDeque<>();
    int pollsUntilReady = 2;
    int pollsUntilGone = 1;
    private int nextId = 100;

    @Override
    public String kind() {
        return "server";
    }

    @Override
    public void validate(DesiredResource desired) {
        desired.requiredText("size");
    }

    @Override
    public Optional<Server> observe(ResourceAddress address, String providerRegion) {
        calls.add("observe");
        Server server = byAddress.get(address.toString());
        if (server == null) {
            return Optional.empty();
        }
        if ("deleting".equals(server.status())) {
            if (pollsUntilGone-- <= 0) {
                byAddress.remove(address.toString());
                return Optional.empty();
            }
            return Optional.of(server);
        }
        if (!"running".equals(server.status()) && pollsUntilReady-- <= 0) {
            server = new Server(server.id(), server.address(), server.size(), "running");
            byAddress.put(address.toString(), server);
        }
        return Optional.of(server);
    }

    @Override
    public Server create(DesiredResource desired) {
        calls.add("create");
        if (!createFailures.isEmpty()) {
            throw createFailures.pop();
        }
        Server existing = byAddress.get(desired.address().toString());
        if (existing != null) {
            return existing;
        }
        Server server = new Server(Integer.toString(nextId++), desired.address().toString(),
                desired.requiredText("size"), "starting");
        byAddress.put(server.address(), server);
        return server;
    }

    @Override
    public boolean isUpToDate(Server observed, DesiredResource desired) {
        return observed.size().equals(desired.requiredText("size"));
    }

    @Override
    public Server update(Server observed, DesiredResource desired) {
        calls.add("update");
        Server resized = new Server(observed.id(), observed.address(), desired.requiredText("size"), observed.status());
        byAddress.put(resized.address(), resized);
        return resized;
    }

    @Override
    public void delete(Server observed) {
        calls.add("delete");
        byAddress.computeIfPresent(observed.address(),
                (k, s) -> new Server(s.id(), s.address(), s.size(), "deleting"));
    }

    @Override
    public boolean isReady(Server observed) {
        return "running".equals(observed.status());
    }

    @Override
    public String status(Server observed) {
        return observed.status();
    }

    @Override
    public String providerId(Server observed) {
        return observed.id();
    }

    @Override
    public ReadyResource describe(Server ready, DesiredResource desired) {
        return new ReadyResource(ready.id(), Map.of("ipv4", "192.0.2.1"), ready.size(), "test:size:" + ready.size());
    }
}
