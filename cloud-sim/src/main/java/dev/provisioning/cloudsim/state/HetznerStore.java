package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Thread-safe store of Hetzner Cloud servers, networks, load balancers, volumes and their actions. Every check that
 * depends on other objects (unique names, free addresses) happens here, under one lock, so concurrent creates
 * cannot both succeed.
 */
public final class HetznerStore {

    /** Ids in the range of recent real ones. */
    static final long FIRST_SERVER_ID = 61_000_001L;
    static final long FIRST_NETWORK_ID = 10_500_001L;
    static final long FIRST_LOAD_BALANCER_ID = 2_300_001L;
    static final long FIRST_VOLUME_ID = 101_000_001L;
    static final long FIRST_ACTION_ID = 480_000_000_001L;
    /** Documentation ranges, the reverse of DigitalOcean's order so the two providers rarely share an address. */
    private static final String[] PUBLIC_BLOCKS = {"192.0.2", "203.0.113", "198.51.100"};

    /** A refusal in Hetzner's terms: its error code, message and, for invalid input, the field concerned. */
    public static final class Rejected extends RuntimeException {
        private final String code;
        private final String field;

        public Rejected(String code, String message, String field) {
            super(message);
            this.code = code;
            this.field = field;
        }

        /** Hetzner's error code, e.g. {@code uniqueness_error}. */
        public String code() {
            return code;
        }

        /** The request field at fault, or null. */
        public String field() {
            return field;
        }
    }

    /** An object just created together with the action that creates it (null for kinds created synchronously). */
    public record Creation<T>(T resource, HetznerAction action) {
    }

    private final SimTimers timers;
    private final Supplier<Duration> serverBootDelay;
    private final Map<Long, HetznerServer> servers = new TreeMap<>();
    private final Map<Long, HetznerNetwork> networks = new TreeMap<>();
    private final Map<Long, HetznerLoadBalancer> loadBalancers = new TreeMap<>();
    private final Map<Long, HetznerVolume> volumes = new TreeMap<>();
    private final Map<Long, HetznerAction> actions = new TreeMap<>();
    private long nextServerId = FIRST_SERVER_ID;
    private long nextNetworkId = FIRST_NETWORK_ID;
    private long nextLoadBalancerId = FIRST_LOAD_BALANCER_ID;
    private long nextVolumeId = FIRST_VOLUME_ID;
    private long nextActionId = FIRST_ACTION_ID;
    private long generation;

    /**
     * @param serverBootDelay time from creation to {@code running}, and a network action's from {@code running} to
     *                        {@code success}; read each time, so runtime changes apply
     */
    public HetznerStore(SimTimers timers, Supplier<Duration> serverBootDelay) {
        this.timers = timers;
        this.serverBootDelay = serverBootDelay;
    }

    // ---- servers ----

    /**
     * Creates a server ({@code initializing}, {@code running} after the boot delay) attached to the given networks,
     * with a {@code create_server} action that succeeds when it is running.
     *
     * @throws Rejected {@code uniqueness_error} when the name is taken, {@code not_found} for an unknown network
     */
    public synchronized Creation<HetznerServer> createServer(String name, String serverType, String location,
            String image, Map<String, String> labels, List<Long> networkIds, String networkZone, Instant now) {
        return createServer(name, serverType, location, image, labels, networkIds, List.of(), networkZone, now);
    }

    /**
     * Creates a server as {@link #createServer(String, String, String, String, Map, List, String, Instant)} does,
     * with the given volumes attached to it from the start.
     *
     * @throws Rejected also {@code not_found} for an unknown volume, {@code invalid_input} for a volume in another
     *                  location or attached to another server
     */
    public synchronized Creation<HetznerServer> createServer(String name, String serverType, String location,
            String image, Map<String, String> labels, List<Long> networkIds, List<Long> volumeIds,
            String networkZone, Instant now) {
        if (servers.values().stream().anyMatch(s -> s.name().equals(name))) {
            throw new Rejected("uniqueness_error", "server name is already used", "name");
        }
        for (Long volumeId : volumeIds) {
            HetznerVolume volume = volumes.get(volumeId);
            if (volume == null) {
                throw new Rejected("not_found", "volume with ID '" + volumeId + "' not found", "volumes");
            }
            if (!volume.location().equals(location)) {
                throw new Rejected("invalid_input", "volume " + volumeId + " is in location " + volume.location()
                        + ", not " + location, "volumes");
            }
            if (volume.server() != null) {
                throw new Rejected("invalid_input", "volume " + volumeId + " is already attached to server "
                        + volume.server(), "volumes");
            }
        }
        long id = nextServerId++;
        List<HetznerServer.PrivateNet> nets = new ArrayList<>();
        for (Long networkId : networkIds) {
            nets.add(privateAddress(networkId, networkZone, null, id));
        }
        for (Long volumeId : volumeIds) {
            volumes.put(volumeId, volumes.get(volumeId).attachedTo(id));
        }
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        HetznerServer server = new HetznerServer(id, name, "initializing", serverType, location, image, labels,
                freePublicAddress(), "2001:db8:" + Long.toHexString(id >>> 16) + ":" + Long.toHexString(id & 0xffff)
                + "::/64", nets, created);
        servers.put(id, server);
        HetznerAction action = startAction("create_server", created, resource(id, "server"));
        long scheduledIn = generation;
        timers.after(serverBootDelay.get(), () -> boot(id, action.id(), scheduledIn));
        return new Creation<>(server, action);
    }

    public synchronized List<HetznerServer> servers() {
        return List.copyOf(servers.values());
    }

    public synchronized Optional<HetznerServer> server(long id) {
        return Optional.ofNullable(servers.get(id));
    }

    /**
     * Changes a server's name and labels (a null argument keeps the current value; labels are replaced as a whole,
     * as Hetzner does); empty when the server is unknown.
     *
     * @throws Rejected {@code uniqueness_error} when another server has the name
     */
    public synchronized Optional<HetznerServer> updateServer(long id, String name, Map<String, String> labels) {
        HetznerServer server = servers.get(id);
        if (server == null) {
            return Optional.empty();
        }
        if (name != null && servers.values().stream().anyMatch(s -> s.id() != id && s.name().equals(name))) {
            throw new Rejected("uniqueness_error", "server name is already used", "name");
        }
        HetznerServer updated = server.withNameAndLabels(name != null ? name : server.name(),
                labels != null ? labels : server.labels());
        servers.put(id, updated);
        return Optional.of(updated);
    }

    /** Deletes a server, detaching its volumes and dropping it from load balancer targets; empty when unknown. */
    public synchronized Optional<HetznerAction> deleteServer(long id, Instant now) {
        if (servers.remove(id) == null) {
            return Optional.empty();
        }
        volumes.replaceAll((volumeId, v) -> Long.valueOf(id).equals(v.server()) ? v.attachedTo(null) : v);
        loadBalancers.replaceAll((lbId, lb) -> lb.withTargets(lb.targets().stream()
                .filter(t -> !Long.valueOf(id).equals(t.server())).toList()));
        return Optional.of(finishedAction("delete_server", now, resource(id, "server")));
    }

    /** Power actions: {@code poweron} makes a server {@code running}, {@code poweroff} makes it {@code off}. */
    public synchronized Optional<HetznerAction> power(long id, boolean on, Instant now) {
        HetznerServer server = servers.get(id);
        if (server == null) {
            return Optional.empty();
        }
        servers.put(id, server.withStatus(on ? "running" : "off"));
        return Optional.of(finishedAction(on ? "start_server" : "stop_server", now, resource(id, "server")));
    }

    /**
     * Attaches a server to a network, with the requested address or the lowest free one.
     *
     * @throws Rejected {@code not_found}, {@code server_already_attached}, {@code ip_not_available}
     */
    public synchronized HetznerAction attachServerToNetwork(long serverId, long networkId, String ip,
            String networkZone, Instant now) {
        HetznerServer server = servers.get(serverId);
        if (server == null) {
            throw new Rejected("not_found", "server with ID '" + serverId + "' not found", null);
        }
        if (server.privateNet().stream().anyMatch(n -> n.network() == networkId)) {
            throw new Rejected("server_already_attached", "server is already attached to this network", null);
        }
        List<HetznerServer.PrivateNet> nets = new ArrayList<>(server.privateNet());
        nets.add(privateAddress(networkId, networkZone, ip, serverId));
        servers.put(serverId, server.withPrivateNet(nets));
        return finishedAction("attach_to_network", now, resource(serverId, "server"), resource(networkId, "network"));
    }

    // ---- networks ----

    /** @throws Rejected {@code uniqueness_error} when the name is taken */
    public synchronized HetznerNetwork createNetwork(String name, String ipRange, List<HetznerNetwork.Subnet> subnets,
            Map<String, String> labels, Instant now) {
        if (networks.values().stream().anyMatch(n -> n.name().equals(name))) {
            throw new Rejected("uniqueness_error", "network name is already used", "name");
        }
        HetznerNetwork network = new HetznerNetwork(nextNetworkId++, name, ipRange, subnets, labels,
                now.truncatedTo(ChronoUnit.SECONDS));
        networks.put(network.id(), network);
        return network;
    }

    public synchronized List<HetznerNetwork> networks() {
        return List.copyOf(networks.values());
    }

    public synchronized Optional<HetznerNetwork> network(long id) {
        return Optional.ofNullable(networks.get(id));
    }

    /** Ids of the servers attached to a network. */
    public synchronized List<Long> serversIn(long networkId) {
        return servers.values().stream().filter(s -> s.privateNet().stream().anyMatch(n -> n.network() == networkId))
                .map(HetznerServer::id).toList();
    }

    /** Ids of the load balancers attached to a network. */
    public synchronized List<Long> loadBalancersIn(long networkId) {
        return loadBalancers.values().stream()
                .filter(lb -> lb.privateNet().stream().anyMatch(n -> n.network() == networkId))
                .map(HetznerLoadBalancer::id).toList();
    }

    /**
     * Adds a subnet to a network at once; the {@code add_subnet} action runs until the server delay has passed.
     *
     * @throws Rejected {@code not_found}, {@code invalid_input} (outside the network, overlapping another subnet or a
     *                  route, no free /24 left), {@code vswitch_id_already_used}
     */
    public synchronized HetznerAction addSubnet(long networkId, HetznerSubnetRequest request, Instant now) {
        HetznerNetwork network = existingNetwork(networkId);
        networks.put(networkId, HetznerNetworkRules.addSubnet(network, request, networks.values()));
        return networkAction("add_subnet", networkId, now);
    }

    /**
     * Removes the subnet with this range; the {@code delete_subnet} action runs until the server delay has passed.
     *
     * @throws Rejected {@code not_found}, {@code invalid_input} (no such subnet, servers still attached in it)
     */
    public synchronized HetznerAction deleteSubnet(long networkId, String ipRange, Instant now) {
        HetznerNetwork network = existingNetwork(networkId);
        networks.put(networkId, HetznerNetworkRules.deleteSubnet(network, ipRange, addressesIn(networkId)));
        return networkAction("delete_subnet", networkId, now);
    }

    /**
     * Adds a route; the {@code add_route} action runs until the server delay has passed.
     *
     * @throws Rejected {@code not_found}, {@code invalid_input} (destination overlapping a subnet or route, gateway
     *                  outside the network or reserved)
     */
    public synchronized HetznerAction addRoute(long networkId, HetznerIpRange destination, String gateway,
                                               Instant now) {
        HetznerNetwork network = existingNetwork(networkId);
        networks.put(networkId, HetznerNetworkRules.addRoute(network, destination, gateway));
        return networkAction("add_route", networkId, now);
    }

    /**
     * Removes the route with this destination and gateway; the {@code delete_route} action runs until the server
     * delay has passed.
     *
     * @throws Rejected {@code not_found}, {@code invalid_input} when the network has no such route
     */
    public synchronized HetznerAction deleteRoute(long networkId, String destination, String gateway, Instant now) {
        HetznerNetwork network = existingNetwork(networkId);
        networks.put(networkId, HetznerNetworkRules.deleteRoute(network, destination, gateway));
        return networkAction("delete_route", networkId, now);
    }

    /** Deletes a network; servers and load balancers attached to it lose that attachment. */
    public synchronized boolean deleteNetwork(long id) {
        if (networks.remove(id) == null) {
            return false;
        }
        servers.replaceAll((serverId, s) -> s.withPrivateNet(s.privateNet().stream()
                .filter(n -> n.network() != id).toList()));
        return true;
    }

    // ---- load balancers ----

    /**
     * @throws Rejected {@code uniqueness_error} when the name is taken, {@code not_found} for an unknown network
     */
    public synchronized Creation<HetznerLoadBalancer> createLoadBalancer(String name, String type, String location,
            Map<String, String> labels, String algorithm, List<HetznerLoadBalancer.Target> targets,
            List<HetznerLoadBalancer.Service> services, Long networkId, String networkZone, Instant now) {
        if (loadBalancers.values().stream().anyMatch(lb -> lb.name().equals(name))) {
            throw new Rejected("uniqueness_error", "load balancer name is already used", "name");
        }
        long id = nextLoadBalancerId++;
        List<HetznerServer.PrivateNet> nets = networkId == null ? List.of()
                : List.of(privateAddress(networkId, networkZone, null, id));
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        HetznerLoadBalancer lb = new HetznerLoadBalancer(id, name, type, location, labels, freePublicAddress(),
                "2001:db8:1b::" + Long.toHexString(id & 0xffff), algorithm, targets, services, nets, created);
        loadBalancers.put(id, lb);
        return new Creation<>(lb, finishedAction("create_load_balancer", created, resource(id, "load_balancer")));
    }

    public synchronized List<HetznerLoadBalancer> loadBalancers() {
        return List.copyOf(loadBalancers.values());
    }

    public synchronized Optional<HetznerLoadBalancer> loadBalancer(long id) {
        return Optional.ofNullable(loadBalancers.get(id));
    }

    public synchronized boolean deleteLoadBalancer(long id) {
        return loadBalancers.remove(id) != null;
    }

    /** @throws Rejected {@code not_found}, or {@code target_already_defined} when the same target exists */
    public synchronized HetznerAction addTarget(long id, HetznerLoadBalancer.Target target, Instant now) {
        HetznerLoadBalancer lb = existingLoadBalancer(id);
        if (lb.targets().stream().anyMatch(t -> t.type().equals(target.type())
                && java.util.Objects.equals(t.server(), target.server())
                && java.util.Objects.equals(t.labelSelector(), target.labelSelector())
                && java.util.Objects.equals(t.ip(), target.ip()))) {
            throw new Rejected("target_already_defined", "target is already defined", null);
        }
        List<HetznerLoadBalancer.Target> targets = new ArrayList<>(lb.targets());
        targets.add(target);
        loadBalancers.put(id, lb.withTargets(targets));
        return finishedAction("add_target", now, resource(id, "load_balancer"));
    }

    /** @throws Rejected {@code not_found}, or {@code source_port_already_used} for a taken listen port */
    public synchronized HetznerAction addService(long id, HetznerLoadBalancer.Service service, Instant now) {
        HetznerLoadBalancer lb = existingLoadBalancer(id);
        if (lb.services().stream().anyMatch(s -> s.listenPort() == service.listenPort())) {
            throw new Rejected("source_port_already_used", "listen_port " + service.listenPort()
                    + " is already used by another service", "listen_port");
        }
        List<HetznerLoadBalancer.Service> services = new ArrayList<>(lb.services());
        services.add(service);
        loadBalancers.put(id, lb.withServices(services));
        return finishedAction("add_service", now, resource(id, "load_balancer"));
    }

    // ---- volumes ----

    /** @throws Rejected {@code uniqueness_error} when the name is taken */
    public synchronized Creation<HetznerVolume> createVolume(String name, long size, String location,
            Map<String, String> labels, Long server, String format, Instant now) {
        if (volumes.values().stream().anyMatch(v -> v.name().equals(name))) {
            throw new Rejected("uniqueness_error", "volume name is already used", "name");
        }
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        HetznerVolume volume = new HetznerVolume(nextVolumeId++, name, size, location, labels, server, format,
                "available", created);
        volumes.put(volume.id(), volume);
        return new Creation<>(volume, finishedAction("create_volume", created, resource(volume.id(), "volume")));
    }

    public synchronized List<HetznerVolume> volumes() {
        return List.copyOf(volumes.values());
    }

    public synchronized Optional<HetznerVolume> volume(long id) {
        return Optional.ofNullable(volumes.get(id));
    }

    /** Ids of the volumes attached to a server. */
    public synchronized List<Long> volumesOf(long serverId) {
        return volumes.values().stream().filter(v -> Long.valueOf(serverId).equals(v.server()))
                .map(HetznerVolume::id).toList();
    }

    /** @throws Rejected {@code not_found}, or {@code locked} when the volume is attached to another server */
    public synchronized HetznerAction attachVolume(long id, long serverId, Instant now) {
        HetznerVolume volume = volumes.get(id);
        if (volume == null) {
            throw new Rejected("not_found", "volume with ID '" + id + "' not found", null);
        }
        if (!servers.containsKey(serverId)) {
            throw new Rejected("not_found", "server with ID '" + serverId + "' not found", "server");
        }
        if (volume.server() != null && volume.server() != serverId) {
            throw new Rejected("invalid_input", "volume is already attached to server " + volume.server(), "server");
        }
        volumes.put(id, volume.attachedTo(serverId));
        return finishedAction("attach_volume", now, resource(id, "volume"), resource(serverId, "server"));
    }

    /**
     * Detaches a volume from its server; a volume attached to none stays so, and the action succeeds all the same.
     *
     * @throws Rejected {@code not_found}
     */
    public synchronized HetznerAction detachVolume(long id, Instant now) {
        HetznerVolume volume = volumes.get(id);
        if (volume == null) {
            throw new Rejected("not_found", "volume with ID '" + id + "' not found", null);
        }
        volumes.put(id, volume.attachedTo(null));
        return volume.server() == null ? finishedAction("detach_volume", now, resource(id, "volume"))
                : finishedAction("detach_volume", now, resource(id, "volume"), resource(volume.server(), "server"));
    }

    public synchronized boolean deleteVolume(long id) {
        return volumes.remove(id) != null;
    }

    // ---- actions ----

    public synchronized List<HetznerAction> actions() {
        return List.copyOf(actions.values());
    }

    public synchronized Optional<HetznerAction> action(long id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** Forgets every object and action; transitions scheduled before the reset no longer apply. */
    public synchronized void reset() {
        servers.clear();
        networks.clear();
        loadBalancers.clear();
        volumes.clear();
        actions.clear();
        nextServerId = FIRST_SERVER_ID;
        nextNetworkId = FIRST_NETWORK_ID;
        nextLoadBalancerId = FIRST_LOAD_BALANCER_ID;
        nextVolumeId = FIRST_VOLUME_ID;
        nextActionId = FIRST_ACTION_ID;
        generation++;
    }

    private synchronized void boot(long serverId, long actionId, long scheduledIn) {
        if (scheduledIn != generation) {
            return;
        }
        HetznerServer server = servers.get(serverId);
        if (server != null && server.status().equals("initializing")) {
            servers.put(serverId, server.withStatus("running"));
        }
        HetznerAction action = actions.get(actionId);
        if (action != null && action.finished() == null) {
            actions.put(actionId, action.succeeded(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    private HetznerNetwork existingNetwork(long id) {
        HetznerNetwork network = networks.get(id);
        if (network == null) {
            throw new Rejected("not_found", "network with ID '" + id + "' not found", null);
        }
        return network;
    }

    /** The private addresses servers and load balancers hold in a network. */
    private List<String> addressesIn(long networkId) {
        List<String> addresses = new ArrayList<>();
        servers.values().forEach(s -> s.privateNet().stream().filter(n -> n.network() == networkId)
                .forEach(n -> addresses.add(n.ip())));
        loadBalancers.values().forEach(lb -> lb.privateNet().stream().filter(n -> n.network() == networkId)
                .forEach(n -> addresses.add(n.ip())));
        return addresses;
    }

    /** A network action: {@code running} now, {@code success} once the server delay has passed. */
    private HetznerAction networkAction(String command, long networkId, Instant now) {
        HetznerAction action = startAction(command, now, resource(networkId, "network"));
        long scheduledIn = generation;
        timers.after(serverBootDelay.get(), () -> succeed(action.id(), scheduledIn));
        return action;
    }

    private synchronized void succeed(long actionId, long scheduledIn) {
        HetznerAction action = actions.get(actionId);
        if (scheduledIn == generation && action != null && action.finished() == null) {
            actions.put(actionId, action.succeeded(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    private HetznerLoadBalancer existingLoadBalancer(long id) {
        HetznerLoadBalancer lb = loadBalancers.get(id);
        if (lb == null) {
            throw new Rejected("not_found", "load balancer with ID '" + id + "' not found", null);
        }
        return lb;
    }

    private static HetznerAction.Resource resource(long id, String type) {
        return new HetznerAction.Resource(id, type);
    }

    private HetznerAction startAction(String command, Instant now, HetznerAction.Resource... resources) {
        HetznerAction action = new HetznerAction(nextActionId++, command, "running", 0,
                now.truncatedTo(ChronoUnit.SECONDS), null, List.of(resources));
        actions.put(action.id(), action);
        return action;
    }

    private HetznerAction finishedAction(String command, Instant now, HetznerAction.Resource... resources) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        HetznerAction action = new HetznerAction(nextActionId++, command, "success", 100, at, at, List.of(resources));
        actions.put(action.id(), action);
        return action;
    }

    /** The lowest documentation-range address no server or load balancer holds, so addresses are stable. */
    private String freePublicAddress() {
        Set<String> inUse = new HashSet<>();
        servers.values().forEach(s -> inUse.add(s.ipv4()));
        loadBalancers.values().forEach(lb -> inUse.add(lb.ipv4()));
        for (String block : PUBLIC_BLOCKS) {
            for (int host = 254; host >= 2; host--) {
                String candidate = block + "." + host;
                if (!inUse.contains(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no public IPv4 address left");
    }

    /**
     * An address in the network's first subnet of the zone (any subnet when no zone is given): the requested one,
     * or the lowest free host address after the gateway.
     */
    private HetznerServer.PrivateNet privateAddress(long networkId, String networkZone, String requested,
                                                    long ownerId) {
        HetznerNetwork network = networks.get(networkId);
        if (network == null) {
            throw new Rejected("not_found", "network with ID '" + networkId + "' not found", "network");
        }
        HetznerNetwork.Subnet subnet = network.subnets().stream().filter(s -> !s.type().equals("vswitch"))
                .filter(s -> networkZone == null || s.networkZone().equals(networkZone)).findFirst()
                .orElseThrow(() -> new Rejected("no_subnet_available", "network " + networkId
                        + " has no subnet in network zone " + networkZone, "network"));
        Set<String> inUse = new HashSet<>();
        servers.values().forEach(s -> s.privateNet().stream().filter(n -> n.network() == networkId)
                .forEach(n -> inUse.add(n.ip())));
        loadBalancers.values().forEach(lb -> lb.privateNet().stream().filter(n -> n.network() == networkId)
                .forEach(n -> inUse.add(n.ip())));
        String mac = String.format("86:00:00:%02x:%02x:%02x", (ownerId >> 16) & 0xff, (ownerId >> 8) & 0xff,
                ownerId & 0xff);
        HetznerIpRange range = HetznerIpRange.parse(subnet.ipRange());
        if (requested != null) {
            if (!range.contains(requested) || inUse.contains(requested)) {
                throw new Rejected("ip_not_available", "IP " + requested + " is not available", "ip");
            }
            return new HetznerServer.PrivateNet(networkId, requested, mac);
        }
        // Hetzner keeps the network's first address for the gateway; hosts start after it.
        for (long offset = 2; offset < range.size() - 1; offset++) {
            String candidate = range.address(offset);
            if (!inUse.contains(candidate) && !candidate.equals(subnet.gateway())) {
                return new HetznerServer.PrivateNet(networkId, candidate, mac);
            }
        }
        throw new Rejected("ip_not_available", "no free IP left in subnet " + subnet.ipRange(), "network");
    }
}
