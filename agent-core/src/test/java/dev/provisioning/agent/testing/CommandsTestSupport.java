package dev.provisioning.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the agents' end-to-end command tests share: commands for one provider region sent to the agent's command
 * topic through the {@link KafkaProbe}, and the events that answer them. Each agent's command tests extend it with
 * {@code @QuarkusTest} and the deploy module's Kafka and cloud-sim test resources.
 */
public abstract class CommandsTestSupport extends AgentKafkaTest {

    private final Provider provider;
    private final String providerRegion;
    private final Map<String, String> context;
    private final Duration timeout;

    /**
     * @param provider       the provider the agent under test serves
     * @param providerRegion the region every command names
     * @param context        the context every command carries
     * @param timeout        how long to wait for each answer
     */
    protected CommandsTestSupport(Provider provider, String providerRegion, Map<String, String> context,
                                  Duration timeout) {
        this.provider = provider;
        this.providerRegion = providerRegion;
        this.context = context;
        this.timeout = timeout;
    }

    /** A fresh address in the {@code shop.example} workspace, so that tests never read each other's events. */
    protected static ResourceAddress uniqueAddress(String region, String kind, String name) {
        return new ResourceAddress("shop.example", region, kind, name + "-" + UUID.randomUUID().toString()
                .substring(0, 8));
    }

    /** A provision command in the test's provider region, with its context. */
    protected ProvisionResource provisionCommand(String rolloutId, ResourceAddress address, Map<String, Object> spec) {
        return new ProvisionResource(rolloutId, address, provider, providerRegion, spec, context);
    }

    /** A delete command in the test's provider region, with its context. */
    protected DeleteResource deleteCommand(String rolloutId, ResourceAddress address) {
        return new DeleteResource(rolloutId, address, provider, providerRegion, context);
    }

    /** Sends a command to the agent's command topic. */
    protected void send(ProvisioningMessage command) {
        kafka.sendCommand(Topics.commands(provider), command);
    }

    /** Sends the command and waits for the first ResourceReady of its address. */
    protected ResourceReady ready(ProvisionResource command) {
        return ready(command, 1);
    }

    /** Sends the command and waits for the {@code nth} ResourceReady of its address. */
    protected ResourceReady ready(ProvisionResource command, int nth) {
        send(command);
        return nthEvent(command.address(), MessageType.RESOURCE_READY, nth).dataAs(ResourceReady.class);
    }

    /** Sends the command and waits for the first ResourceFailed of its address. */
    protected ResourceFailed failed(ProvisionResource command) {
        send(command);
        return nthEvent(command.address(), MessageType.RESOURCE_FAILED, 1).dataAs(ResourceFailed.class);
    }

    /** Sends the command and waits for the first ResourceDeleted of its address. */
    protected ResourceDeleted deleted(DeleteResource command) {
        return deleted(command, 1);
    }

    /** Sends the command and waits for the {@code nth} ResourceDeleted of its address. */
    protected ResourceDeleted deleted(DeleteResource command, int nth) {
        send(command);
        return nthEvent(command.address(), MessageType.RESOURCE_DELETED, nth).dataAs(ResourceDeleted.class);
    }

    /** The first {@code count} ResourceReady events of an address, waiting for them. */
    protected List<ResourceReady> readies(ResourceAddress address, int count) {
        return kafka.awaitEventRecords(address.toString(), MessageType.RESOURCE_READY, count, timeout).stream()
                .map(record -> CloudEventCodec.decode(record).dataAs(ResourceReady.class)).toList();
    }

    private CloudEvent nthEvent(ResourceAddress address, MessageType type, int nth) {
        List<ConsumerRecord<String, String>> records = kafka.awaitEventRecords(address.toString(), type, nth, timeout);
        return CloudEventCodec.decode(records.get(nth - 1));
    }

    /** Arms a fault through cloud-sim's control API, as an operator drilling outages would. */
    protected static void injectFault(String json) throws Exception {
        String sim = ConfigProvider.getConfig().getValue("provisioning.cloud-sim.url", String.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create(sim + "/_sim/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }
}
