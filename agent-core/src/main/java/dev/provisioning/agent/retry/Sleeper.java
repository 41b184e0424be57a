package dev.provisioning.agent.retry;

import java.time.Duration;

/** Waits between attempts and polls; replaced in tests so that backoff is checked without real sleeps. */
@FunctionalInterface
public interface Sleeper {

    /** The real clock: blocks the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
