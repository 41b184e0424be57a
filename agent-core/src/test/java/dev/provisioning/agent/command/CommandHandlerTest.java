package dev.provisioning.agent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadinessPolicy;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.Reconciler;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.agent.retry.RetryPolicy;
import dev.provisioning.agent.retry.RetryingCaller;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.MalformedMessageException;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {

    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    static final ResourceAddress ADDRESS = ResourceAddress.parse("slice/us-east/droplet/us-app-1");
    static final Map<String, String> CONTEXT = Map.of(ContextKeys.DNS_NAME, "us.api.example.com");

    /** Droplets that are ready as soon as they are created; a size named "bad" is refused like a 422. */
    static final class ReadyDroplets implements ResourceKindReconciler<String> {
        final Map<ResourceAddress, String> ids = new HashMap<>();

        @Override
        public String kind() {
            return "droplet";
        }

        @Override
        public Optional<String> observe(ResourceAddress address, String providerRegion) {
            return Optional.ofNullable(ids.get(address));
        }

        @Override
        public String create(DesiredResource desired) {
            if ("bad".equals(desired.requiredText("size"))) {
                throw ProviderException.fromHttpStatus(422, "unprocessable_entity", "invalid size", name -> null,
                        Clock.systemUTC());
            }
            return ids.computeIfAbsent(desired.address(), a -> "4711");
        }

        @Override
        public void delete(String observed) {
            ids.values().remove(observed);
        }

        @Override
        public boolean isReady(String observed) {
            return true;
        }

        @Override
        public String status(String observed) {
            return "active";
        }

        @Override
        public String providerId(String observed) {
            return observed;
        }

        @Override
        public ReadyResource describe(String ready, DesiredResource desired) {
            return new ReadyResource(ready, Map.of("ipv4", "203.0.113.5"), desired.requiredText("size"),
                    "digitalocean:size:" + desired.requiredText("size"));
        }
    }

    final ReadyDroplets droplets = new ReadyDroplets();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CommandHandler handler = new CommandHandler(Provider.DIGITALOCEAN, new Reconciler("digitalocean",
            List.of(droplets),
            new RetryingCaller(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO), d -> { }),
            new ReadinessPolicy(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, 1.0), d -> { }, clock), clock);

    static CloudEvent event(ProvisioningMessage data) {
        return new CloudEvent("id-1", "/test", MessageType.of(data), data.subject(), null, data.key(), data);
    }

    static ProvisionResource provision(String size) {
        return new ProvisionResource("r-1", ADDRESS, Provider.DIGITALOCEAN, "nyc3", Map.of("size", size), CONTEXT);
    }

    @Test
    void provisionYieldsResourceReadyEchoingRolloutAndContext() {
        ResourceReady ready = assertInstanceOf(ResourceReady.class, handler.handle(event(provision("s-1vcpu-1gb"))));

        assertEquals(new ResourceReady("r-1", ADDRESS, Provider.DIGITALOCEAN, "nyc3", "4711",
                Map.of("ipv4", "203.0.113.5"), "s-1vcpu-1gb", "digitalocean:size:s-1vcpu-1gb", CONTEXT, NOW), ready);
    }

    @Test
    void providerRefusalYieldsResourceFailed() {
        ResourceFailed failed = assertInstanceOf(ResourceFailed.class, handler.handle(event(provision("bad"))));

        assertEquals(new ResourceFailed("r-1", ADDRESS, Provider.DIGITALOCEAN, "unprocessable_entity", "invalid size",
                false, 1, CONTEXT, NOW), failed);
    }

    @Test
    void deleteYieldsResourceDeletedWithTheIdOrNullWhenNothingExisted() {
        handler.handle(event(provision("s-1vcpu-1gb")));
        DeleteResource delete = new DeleteResource("r-2", ADDRESS, Provider.DIGITALOCEAN, "nyc3", CONTEXT);

        ResourceDeleted deleted = assertInstanceOf(ResourceDeleted.class, handler.handle(event(delete)));
        assertEquals("4711", deleted.providerId());
        assertEquals("r-2", deleted.rolloutId());
        assertEquals(CONTEXT, deleted.context());

        ResourceDeleted again = assertInstanceOf(ResourceDeleted.class, handler.handle(event(delete)));
        assertNull(again.providerId());
    }

    @Test
    void unsupportedKindYieldsResourceFailedNamingTheKinds() {
        ResourceAddress lb = ResourceAddress.parse("slice/us-east/load-balancer/us-lb");
        ProvisionResource command = new ProvisionResource("r-1", lb, Provider.DIGITALOCEAN, "nyc3", Map.of(), Map.of());

        ResourceFailed failed = assertInstanceOf(ResourceFailed.class, handler.handle(event(command)));

        assertEquals("unsupported_kind", failed.errorCode());
        assertEquals("the digitalocean agent does not handle kind 'load-balancer'; supported kinds: droplet",
                failed.message());
        assertFalse(failed.retryable());
    }

    @Test
    void commandForAnotherProviderIsRefused() {
        ProvisionResource command = new ProvisionResource("r-1", ADDRESS, Provider.HETZNER, "nbg1",
                Map.of("size", "cx22"), Map.of());

        ResourceFailed failed = assertInstanceOf(ResourceFailed.class, handler.handle(event(command)));

        assertEquals("wrong_provider", failed.errorCode());
        assertEquals(Provider.DIGITALOCEAN, failed.provider());
    }

    @Test
    void anEventOnTheCommandTopicIsMalformed() {
        ResourceDeleted notACommand = new ResourceDeleted("r", ADDRESS, Provider.DIGITALOCEAN, null, Map.of(), NOW);

        assertThrows(MalformedMessageException.class, () -> handler.handle(event(notACommand)));
    }
}
