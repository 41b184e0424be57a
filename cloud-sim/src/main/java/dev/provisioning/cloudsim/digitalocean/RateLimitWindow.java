package dev.provisioning.cloudsim.digitalocean;

import java.time.Instant;

/** DigitalOcean's request budget (5,000 an hour), reported on every response in the {@code ratelimit-*} headers. */
final class RateLimitWindow {

    static final int LIMIT = 5_000;
    private static final long WINDOW_SECONDS = 3_600;

    /** Budget left after a request and when the window resets, in epoch seconds. */
    record Budget(int limit, int remaining, long resetEpochSecond) {
    }

    private long windowEnd;
    private int used;

    synchronized Budget consume(Instant now) {
        long nowSecond = now.getEpochSecond();
        if (nowSecond >= windowEnd) {
            windowEnd = nowSecond + WINDOW_SECONDS;
            used = 0;
        }
        used = Math.min(LIMIT, used + 1);
        return new Budget(LIMIT, LIMIT - used, windowEnd);
    }

    synchronized void reset() {
        windowEnd = 0;
        used = 0;
    }
}
