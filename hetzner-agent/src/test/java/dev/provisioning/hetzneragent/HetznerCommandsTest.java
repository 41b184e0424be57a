package dev.provisioning.hetzneragent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.CommandsTestSupport;
import dev.provisioning.cloudsim.state.HetznerLoadBalancer;
import dev.provisioning.cloudsim.state.HetznerNetwork;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hetzner commands through the whole path: Kafka → agent → hetznercloud-api SDK → cloud-sim → events on Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class HetznerCommandsTest extends CommandsTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Map<String, String> CONTEXT = Map.of(ContextKeys.DNS_NAME, "eu.api.example.com");

    HetznerCommandsTest() {
        super(Provider.HETZNER, "nbg1", CONTEXT, TIMEOUT);
    }

    static ResourceAddress newAddress(String kind) {
        return uniqueAddress("eu-central", kind, kind.substring(0, 3));
    }

    ProvisionResource provision(ResourceAddress address, Map<String, Object> spec) {
        return provisionCommand("rollout-9", address, spec);
    }

    static List<HetznerServer> serversOf(ResourceAddress address) {
        return CloudSimTestResource.sim().state().hetznerServersLabelled(HetznerLabels.ADDRESS_LABEL,
                HetznerLabels.addressHash(address));
    }

    static <T> List<T> labelled(List<T> all, java.util.function.Function<T, Map<String, String>> labels,
                                ResourceAddress address) {
        return all.stream().filter(o -> HetznerLabels.addressHash(address)
                .equals(labels.apply(o).get(HetznerLabels.ADDRESS_LABEL))).toList();
    }

    @Test
    void aServerIsReadyWithItsAddressesTypeAndPriceKey() {
        ResourceAddress address = newAddress("server");

        ResourceReady ready = ready(provision(address, Map.of("server_type", "cpx21")));

        List<HetznerServer> servers = serversOf(address);
        assertEquals(1, servers.size());
        HetznerServer server = servers.get(0);
        assertEquals(String.valueOf(server.id()), ready.providerId());
        assertEquals(Map.of("ipv4", server.ipv4()), ready.addresses());
        assertEquals("cpx21", ready.size());
        assertEquals("hetzner:server-type:cpx21:nbg1", ready.priceKey());
        assertEquals(CONTEXT, ready.context());
        assertEquals("nbg1", ready.providerRegion());
        assertEquals(address.name(), server.name());
        assertEquals("ubuntu-24.04", server.image());
        assertEquals("running", server.status());
        assertEquals("shop.example", server.labels().get("workspace"));
        assertEquals("eu-central", server.labels().get("region"));
    }

    @Test
    void theSameCommandDeliveredTwiceCreatesOneServer() {
        ResourceAddress address = newAddress("server");
        ProvisionResource command = provision(address, Map.of("server_type", "cpx22"));
        send(command);
        send(command);

        List<ResourceReady> readies = readies(address, 2);

        assertEquals(1, serversOf(address).size());
        assertEquals(readies.get(0).providerId(), readies.get(1).providerId());
    }

    @Test
    void aServerReferencingANetworkGetsAPrivateAddress() {
        ResourceAddress network = newAddress("network");
        ResourceReady networkReady = ready(provision(network, Map.of("ip_range", "10.1.0.0/16")));
        HetznerNetwork created = labelled(CloudSimTestResource.sim().state().hetznerNetworks(), HetznerNetwork::labels,
                network).get(0);
        assertEquals(String.valueOf(created.id()), networkReady.providerId());
        assertEquals(Map.of("ip_range", "10.1.0.0/16"), networkReady.addresses());
        assertEquals("10.1.0.0/24", created.subnets().get(0).ipRange());
        assertEquals("eu-central", created.subnets().get(0).networkZone());

        ResourceAddress address = newAddress("server");
        ResourceReady ready = ready(provision(address, Map.of("server_type", "cpx21", "network", network.toString())));

        HetznerServer server = serversOf(address).get(0);
        assertEquals(created.id(), server.privateNet().get(0).network());
        assertTrue(ready.addresses().get("ipv4_private").startsWith("10.1.0."), ready.addresses().toString());
        assertEquals(server.privateNet().get(0).ip(), ready.addresses().get("ipv4_private"));
    }

    @Test
    void aLoadBalancerTargetsTwoServers() {
        ResourceAddress web1 = newAddress("server");
        ResourceAddress web2 = newAddress("server");
        String id1 = ready(provision(web1, Map.of("server_type", "cpx21"))).providerId();
        String id2 = ready(provision(web2, Map.of("server_type", "cpx21"))).providerId();
        ResourceAddress address = newAddress("load-balancer");

        ResourceReady ready = ready(provision(address, Map.of("targets", List.of(web1.toString(), web2.toString()),
                "services", List.of(Map.of("protocol", "http", "listen_port", 80, "destination_port", 8080,
                        "health_check", Map.of("protocol", "http", "port", 8080, "path", "/health"))))));

        HetznerLoadBalancer lb = labelled(CloudSimTestResource.sim().state().hetznerLoadBalancers(),
                HetznerLoadBalancer::labels, address).get(0);
        assertEquals(String.valueOf(lb.id()), ready.providerId());
        assertEquals(Map.of("ipv4", lb.ipv4()), ready.addresses());
        assertEquals("lb11", ready.size());
        assertEquals("hetzner:load-balancer-type:lb11:nbg1", ready.priceKey());
        assertEquals(List.of(Long.valueOf(id1), Long.valueOf(id2)),
                lb.targets().stream().map(HetznerLoadBalancer.Target::server).toList());
        HetznerLoadBalancer.Service service = lb.services().get(0);
        assertEquals(80, service.listenPort());
        assertEquals(8080, service.destinationPort());
        assertEquals("/health", service.healthCheck().httpPath());
    }

    @Test
    void aVolumeIsAttachedToItsServer() {
        ResourceAddress server = newAddress("server");
        String serverId = ready(provision(server, Map.of("server_type", "cpx21"))).providerId();
        ResourceAddress address = newAddress("volume");

        ResourceReady ready = ready(provision(address, Map.of("size", 100, "server", server.toString())));

        HetznerVolume volume = labelled(CloudSimTestResource.sim().state().hetznerVolumes(), HetznerVolume::labels,
                address).get(0);
        assertEquals(String.valueOf(volume.id()), ready.providerId());
        assertEquals("100", ready.size());
        assertEquals("hetzner:volume:nbg1", ready.priceKey());
        assertEquals(Long.valueOf(serverId), volume.server());
        assertEquals("ext4", volume.format());
    }

    @Test
    void anUnknownServerTypeIsAPermanentFailureWithHetznersMessage() {
        ResourceAddress address = newAddress("server");

        ResourceFailed failed = failed(provision(address, Map.of("server_type", "cpx99")));

        assertFalse(failed.retryable());
        assertEquals("invalid_input", failed.errorCode());
        assertEquals("invalid input in field 'server_type' (server_type: server type 'cpx99' not found)",
                failed.message());
        assertEquals(1, failed.attempts());
        assertTrue(serversOf(address).isEmpty());
    }

    @Test
    void aRateLimitedCreateIsRetriedAfterTheAskedWait() throws Exception {
        ResourceAddress address = newAddress("server");
        injectFault("{\"provider\":\"hetzner\",\"pathPrefix\":\"/v1/servers\",\"method\":\"POST\","
                + "\"status\":429,\"count\":1,\"retryAfterSeconds\":1}");
        long start = System.nanoTime();

        ResourceReady ready = ready(provision(address, Map.of("server_type", "cx22")));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "waited as asked, took " + took);
        assertTrue(CloudSimTestResource.sim().faults().active().isEmpty(), "the injected 429 was served");
        assertEquals(1, serversOf(address).size());
        assertEquals(String.valueOf(serversOf(address).get(0).id()), ready.providerId());
    }

    @Test
    void everyKindIsDeletedAndReportsItsId() {
        ResourceAddress network = newAddress("network");
        ResourceAddress server = newAddress("server");
        ResourceAddress lb = newAddress("load-balancer");
        ResourceAddress volume = newAddress("volume");
        ready(provision(network, Map.of("ip_range", "10.7.0.0/16")));
        ready(provision(server, Map.of("server_type", "cpx11", "network", network.toString())));
        ready(provision(lb, Map.of("targets", List.of(server.toString()), "network", network.toString())));
        ready(provision(volume, Map.of("size", 10)));

        for (ResourceAddress address : List.of(lb, volume, server, network)) {
            ResourceDeleted deleted = deleted(deleteCommand("rollout-10", address));
            assertTrue(deleted.providerId() != null, address + " reports the deleted id");
        }

        var state = CloudSimTestResource.sim().state();
        assertTrue(serversOf(server).isEmpty());
        assertTrue(labelled(state.hetznerNetworks(), HetznerNetwork::labels, network).isEmpty());
        assertTrue(labelled(state.hetznerLoadBalancers(), HetznerLoadBalancer::labels, lb).isEmpty());
        assertTrue(labelled(state.hetznerVolumes(), HetznerVolume::labels, volume).isEmpty());

        assertNull(deleted(deleteCommand("rollout-11", server), 2).providerId());
    }

    @Test
    void aReferenceToAMissingNetworkFailsWithoutCreatingAnything() {
        ResourceAddress address = newAddress("server");
        ResourceAddress missing = newAddress("network");

        ResourceFailed failed = failed(provision(address, Map.of("server_type", "cpx21", "network",
                missing.toString())));

        assertEquals("reference_not_found", failed.errorCode());
        assertTrue(serversOf(address).isEmpty());
    }
}
