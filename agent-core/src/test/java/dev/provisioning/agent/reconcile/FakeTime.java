package dev.provisioning.agent.reconcile;

import dev.provisioning.agent.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it, so waiting logic is tested without waiting. */
final class FakeTime extends Clock implements Sleeper {

    private Instant now = Instant.parse("2026-11-27T09:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();
    Runnable onSleep = () -> { };

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
        onSleep.run();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
