package dev.provisioning.agent.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.agent.retry.RetryPolicy;
import dev.provisioning.agent.retry.RetryingCaller;
import dev.provisioning.contracts.ResourceAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    static final ResourceAddress ADDRESS = ResourceAddress.parse("slice/us-east/server/app-1");
    static final DesiredResource DESIRED = new DesiredResource(ADDRESS, "nyc3", Map.of("size", "small"));

    final FakeTime time = new FakeTime();
    final InMemoryServers servers = new InMemoryServers();
    final Reconciler reconciler = new Reconciler("test", List.of(servers),
            new RetryingCaller(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), 2.0,
                    Duration.ofSeconds(5)), time),
            new ReadinessPolicy(Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMillis(400), 2.0),
            time, time);

    @Test
    void createsWhenAbsentAndWaitsUntilReadyWithGrowingPolls() {
        ReadyResource ready = reconciler.provision(DESIRED);

        assertEquals("100", ready.providerId());
        assertEquals("small", ready.size());
        assertEquals("test:size:small", ready.priceKey());
        assertEquals(List.of("observe", "create", "observe", "observe", "observe"), servers.calls);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), time.sleeps);
    }

    @Test
    void doesNotCreateWhatAlreadyExists() {
        reconciler.provision(DESIRED);
        servers.calls.clear();

        ReadyResource again = reconciler.provision(DESIRED);

        assertEquals("100", again.providerId());
        assertEquals(List.of("observe"), servers.calls);
        assertEquals(1, servers.byAddress.size());
    }

    @Test
    void updatesWhatDiffers() {
        reconciler.provision(DESIRED);
        servers.calls.clear();

        ReadyResource resized = reconciler.provision(new DesiredResource(ADDRESS, "nyc3", Map.of("size", "large")));

        assertEquals("large", resized.size());
        assertEquals(List.of("observe", "update"), servers.calls);
    }

    @Test
    void retriesACreateThatWasRateLimited() {
        servers.createFailures.add(ProviderException.fromHttpStatus(429, "too_many_requests", "slow down",
                name -> "Retry-After".equals(name) ? "1" : null, time));

        ReadyResource ready = reconciler.provision(DESIRED);

        assertEquals("100", ready.providerId());
        assertEquals(Duration.ofSeconds(1), time.sleeps.get(0));
        assertEquals(2, servers.calls.stream().filter("create"::equals).count());
    }

    @Test
    void reportsPermanentCreateFailuresWithoutRetrying() {
        servers.createFailures.add(ProviderException.fromHttpStatus(422, "unprocessable_entity", "invalid size",
                name -> null, time));

        ProviderException e = assertThrows(ProviderException.class, () -> reconciler.provision(DESIRED));

        assertEquals("unprocessable_entity", e.errorCode());
        assertFalse(e.isRetryable());
        assertEquals(1, e.attempts());
    }

    @Test
    void rejectsAnInvalidSpecBeforeTouchingTheProvider() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> reconciler.provision(new DesiredResource(ADDRESS, "nyc3", Map.of())));

        assertEquals("invalid_spec", e.errorCode());
        assertEquals("spec.size is required for server slice/us-east/server/app-1", e.getMessage());
        assertTrue(servers.calls.isEmpty());
    }

    @Test
    void timesOutWhenTheProviderNeverReportsReady() {
        servers.pollsUntilReady = Integer.MAX_VALUE;

        ProviderException e = assertThrows(ProviderException.class, () -> reconciler.provision(DESIRED));

        assertEquals("timeout", e.errorCode());
        assertTrue(e.isRetryable());
        assertEquals("server slice/us-east/server/app-1 was not ready after PT10S (last status: starting)",
                e.getMessage());
        assertEquals(Duration.ofSeconds(10), time.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void unknownKindsAreUnsupported() {
        ResourceAddress volume = ResourceAddress.parse("slice/us-east/volume/data");

        ProviderException e = assertThrows(ProviderException.class,
                () -> reconciler.provision(new DesiredResource(volume, "nyc3", Map.of())));

        assertEquals("unsupported_kind", e.errorCode());
        assertEquals("the test agent does not handle kind 'volume'; supported kinds: server", e.getMessage());
    }

    @Test
    void deletesAndWaitsUntilGone() {
        reconciler.provision(DESIRED);
        servers.calls.clear();

        Optional<String> deleted = reconciler.delete(ADDRESS, "nyc3");

        assertEquals(Optional.of("100"), deleted);
        assertTrue(servers.byAddress.isEmpty());
        assertEquals(List.of("observe", "delete", "observe", "observe"), servers.calls);
    }

    @Test
    void deletingWhatIsAlreadyGoneIsNotAnError() {
        assertEquals(Optional.empty(), reconciler.delete(ADDRESS, "nyc3"));
        assertEquals(List.of("observe"), servers.calls);
    }

    @Test
    void refusesTwoReconcilersForOneKind() {
        assertThrows(IllegalStateException.class, () -> new Reconciler("test", List.of(servers, new InMemoryServers()),
                new RetryingCaller(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO), time),
                new ReadinessPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, 1.0), time, time));
    }
}
