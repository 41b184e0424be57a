package dev.provisioning.hetzneragent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.CommandsTestSupport;
import dev.provisioning.cloudsim.state.HetznerServer;
import dev.provisioning.cloudsim.state.HetznerVolume;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.hetzneragent.service.HetznerLabels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code database-replica} through the whole path: Kafka → agent → hetznercloud-api SDK → cloud-sim → events, for a
 * replica on one of the region's servers and for one on a dedicated server.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class HetznerDatabaseReplicaTest extends CommandsTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Map<String, String> CONTEXT = Map.of(ContextKeys.DNS_NAME, "eu.api.example.com");
    static final String PRIMARY = "shop.example/us-east/database/us-db-primary";

    HetznerDatabaseReplicaTest() {
        super(Provider.HETZNER, "nbg1", CONTEXT, TIMEOUT);
    }

    static ResourceAddress newAddress(String kind) {
        return uniqueAddress("eu-central", kind, kind.substring(0, 3));
    }

    ProvisionResource provision(ResourceAddress address, Map<String, Object> spec) {
        return provisionCommand("rollout-12", address, spec);
    }

    ResourceDeleted deleted(ResourceAddress address) {
        return deleted(deleteCommand("rollout-13", address));
    }

    static List<HetznerServer> serversLabelled(String key, String value) {
        return CloudSimTestResource.sim().state().hetznerServersLabelled(key, value);
    }

    static HetznerServer server(long id) {
        return CloudSimTestResource.sim().state().hetznerStore().server(id).orElseThrow();
    }

    static HetznerVolume volume(long id) {
        return CloudSimTestResource.sim().state().hetznerStore().volume(id).orElseThrow();
    }

    static long actionsOn(long volumeId, String command) {
        return CloudSimTestResource.sim().state().hetznerStore().actions().stream()
                .filter(a -> a.command().equals(command) && a.concerns(volumeId, "volume")).count();
    }

    static Map<String, Object> replicaSpec(Map<String, Object> extra) {
        Map<String, Object> spec = new HashMap<>(Map.of("primary", PRIMARY, "engine", "pg", "version", "16",
                "max_lag_seconds", 300, "server_type", "cpx21"));
        spec.putAll(extra);
        return spec;
    }

    /** A network, a server in it and a free volume: what the seed's EU region has when its replica comes. */
    record Region(ResourceAddress network, ResourceAddress server, long serverId, ResourceAddress volume,
                  long volumeId) {
    }

    Region region(String ipRange) {
        ResourceAddress network = newAddress("network");
        ready(provision(network, Map.of("ip_range", ipRange)));
        ResourceAddress server = newAddress("server");
        long serverId = Long.parseLong(ready(provision(server, Map.of("server_type", "cpx21", "network",
                network.toString()))).providerId());
        ResourceAddress volume = newAddress("volume");
        long volumeId = Long.parseLong(ready(provision(volume, Map.of("size", 100))).providerId());
        return new Region(network, server, serverId, volume, volumeId);
    }

    @Test
    void aHostedReplicaLabelsItsHostAttachesItsVolumeAndIsUndoneByItsDelete() {
        Region region = region("10.21.0.0/16");
        Map<String, String> hostLabels = server(region.serverId()).labels();
        int serversBefore = CloudSimTestResource.sim().state().hetznerServers().size();
        ResourceAddress address = newAddress("database-replica");
        ProvisionResource command = provision(address, replicaSpec(Map.of("host", region.server().toString(),
                "backup_volume", region.volume().toString(), "network", region.network().toString())));

        ResourceReady ready = ready(command);

        HetznerServer host = server(region.serverId());
        String hash = HetznerLabels.addressHash(address);
        assertEquals(hash, host.labels().get("db-replica"));
        assertEquals("replica", host.labels().get("db-role"));
        assertEquals(String.valueOf(region.volumeId()), host.labels().get("db-replica-volume"));
        hostLabels.forEach((key, value) -> assertEquals(value, host.labels().get(key), "kept label " + key));
        assertEquals(Long.valueOf(region.serverId()), volume(region.volumeId()).server());
        assertEquals(serversBefore, CloudSimTestResource.sim().state().hetznerServers().size(), "no new server");

        assertEquals(String.valueOf(region.serverId()), ready.providerId());
        String privateIp = host.privateNet().get(0).ip();
        assertTrue(privateIp.startsWith("10.21.0."), privateIp);
        assertEquals(Map.of("host", privateIp, "ipv4", host.ipv4(), "ipv4_private", privateIp, "port", "5432",
                "backup_volume_id", String.valueOf(region.volumeId())), ready.addresses());
        assertEquals("cpx21", ready.size());
        assertNull(ready.priceKey(), "the host is priced as the server it is");
        assertEquals(CONTEXT, ready.context());
        assertEquals(1, actionsOn(region.volumeId(), "attach_volume"));

        ResourceReady again = ready(command, 2);
        assertEquals(ready.providerId(), again.providerId());
        assertEquals(ready.addresses(), again.addresses());
        assertEquals(1, serversLabelled("db-replica", hash).size());
        assertEquals(1, actionsOn(region.volumeId(), "attach_volume"), "redelivery attaches nothing again");
        assertEquals(serversBefore, CloudSimTestResource.sim().state().hetznerServers().size());

        ResourceDeleted deleted = deleted(address);

        assertEquals(String.valueOf(region.serverId()), deleted.providerId());
        assertEquals(hostLabels, server(region.serverId()).labels(), "the host has its own labels back");
        assertEquals("running", server(region.serverId()).status(), "the host stays");
        assertNull(volume(region.volumeId()).server(), "the volume attached for the replica is detached");
        assertEquals(1, actionsOn(region.volumeId(), "detach_volume"));
    }

    @Test
    void aVolumeAlreadyOnTheHostIsNeitherAttachedAgainNorDetached() {
        Region region = region("10.22.0.0/16");
        ResourceAddress volume = newAddress("volume");
        long volumeId = Long.parseLong(ready(provision(volume, Map.of("size", 20, "server",
                region.server().toString()))).providerId());
        ResourceAddress address = newAddress("database-replica");

        ResourceReady ready = ready(provision(address, replicaSpec(Map.of("host", region.server().toString(),
                "backup_volume", volume.toString()))));

        assertEquals(String.valueOf(volumeId), ready.addresses().get("backup_volume_id"));
        assertFalse(server(region.serverId()).labels().containsKey("db-replica-volume"));
        assertEquals(0, actionsOn(volumeId, "attach_volume"));

        deleted(address);

        assertEquals(Long.valueOf(region.serverId()), volume(volumeId).server(), "the volume's own attachment stays");
        assertFalse(server(region.serverId()).labels().containsKey("db-replica"));
    }

    @Test
    void aBackupVolumeTheHostLacksIsAttachedByTheNextCommand() {
        Region region = region("10.25.0.0/16");
        ResourceAddress address = newAddress("database-replica");
        ResourceReady first = ready(provision(address, replicaSpec(Map.of("host", region.server().toString()))));
        assertFalse(first.addresses().containsKey("backup_volume_id"));

        ResourceReady second = ready(provision(address, replicaSpec(Map.of("host", region.server().toString(),
                "backup_volume", region.volume().toString()))), 2);

        assertEquals(first.providerId(), second.providerId());
        assertEquals(String.valueOf(region.volumeId()), second.addresses().get("backup_volume_id"));
        assertEquals(Long.valueOf(region.serverId()), volume(region.volumeId()).server());
        assertEquals(String.valueOf(region.volumeId()), server(region.serverId()).labels().get("db-replica-volume"));
    }

    @Test
    void aDedicatedReplicaIsOneServerOfItsOwnWithItsVolume() {
        Region region = region("10.23.0.0/16");
        ResourceAddress address = newAddress("database-replica");
        ProvisionResource command = provision(address, replicaSpec(Map.of("backup_volume", region.volume().toString(),
                "network", region.network().toString())));

        ResourceReady ready = ready(command);
        ResourceReady again = ready(command, 2);

        String hash = HetznerLabels.addressHash(address);
        List<HetznerServer> servers = serversLabelled("db-replica", hash);
        assertEquals(1, servers.size());
        HetznerServer server = servers.get(0);
        assertEquals(address.name(), server.name());
        assertEquals("cpx21", server.serverType());
        assertEquals(hash, server.labels().get(HetznerLabels.ADDRESS_LABEL));
        assertEquals("database-replica", server.labels().get("kind"));
        assertEquals("replica", server.labels().get("db-role"));
        assertEquals(Long.valueOf(server.id()), volume(region.volumeId()).server());
        assertEquals(String.valueOf(server.id()), ready.providerId());
        assertEquals(ready.providerId(), again.providerId());
        String privateIp = server.privateNet().get(0).ip();
        assertEquals(Map.of("host", privateIp, "ipv4", server.ipv4(), "ipv4_private", privateIp, "port", "5432",
                "backup_volume_id", String.valueOf(region.volumeId())), ready.addresses());
        assertEquals("cpx21", ready.size());
        assertEquals("hetzner:server-type:cpx21:nbg1", ready.priceKey());
        assertEquals("ubuntu-24.04", server.image());

        ResourceDeleted deleted = deleted(address);

        assertEquals(String.valueOf(server.id()), deleted.providerId());
        assertTrue(serversLabelled("db-replica", hash).isEmpty());
        assertNull(volume(region.volumeId()).server());
        assertEquals("running", server(region.serverId()).status(), "the region's server is untouched");
    }

    @Test
    void aHostThatDoesNotExistIsAPermanentFailureNamingIt() {
        ResourceAddress missing = newAddress("server");
        ResourceAddress address = newAddress("database-replica");

        ResourceFailed failed = failed(provision(address, replicaSpec(Map.of("host", missing.toString()))));

        assertEquals("reference_not_found", failed.errorCode());
        assertFalse(failed.retryable());
        assertTrue(failed.message().contains(missing.toString()), failed.message());
        assertTrue(serversLabelled("db-replica", HetznerLabels.addressHash(address)).isEmpty());
    }

    @Test
    void aSecondReplicaOnOneHostIsRefused() {
        Region region = region("10.24.0.0/16");
        ResourceAddress first = newAddress("database-replica");
        ready(provision(first, replicaSpec(Map.of("host", region.server().toString()))));
        ResourceAddress second = newAddress("database-replica");

        ResourceFailed failed = failed(provision(second, replicaSpec(Map.of("host", region.server().toString()))));

        assertEquals("host_in_use", failed.errorCode());
        assertFalse(failed.retryable());
        assertEquals(HetznerLabels.addressHash(first), server(region.serverId()).labels().get("db-replica"));
    }

    @Test
    void aSpecWithoutPrimaryOrWithAnotherEngineIsInvalid() {
        ResourceAddress noPrimary = newAddress("database-replica");
        Map<String, Object> spec = replicaSpec(Map.of());
        spec.remove("primary");
        assertEquals("invalid_spec", failed(provision(noPrimary, spec)).errorCode());

        ResourceAddress mysql = newAddress("database-replica");
        ResourceFailed failed = failed(provision(mysql, replicaSpec(Map.of("engine", "mysql"))));
        assertEquals("invalid_spec", failed.errorCode());
        assertTrue(failed.message().contains("engine"), failed.message());
        assertTrue(serversLabelled("db-replica", HetznerLabels.addressHash(mysql)).isEmpty());
    }
}
