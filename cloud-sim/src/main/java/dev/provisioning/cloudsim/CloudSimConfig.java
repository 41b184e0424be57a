package dev.provisioning.cloudsim;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a simulator instance: where it listens and how fast simulated time passes.
 *
 * <p>Every simulated delay is multiplied by {@code timeScale}: 1.0 uses the configured delays as they
 * are, 0 makes every transition immediate, 2.0 makes everything twice as slow.
 *
 * @param bindAddress     address to bind, normally the loopback address
 * @param port            TCP port; 0 picks a free port
 * @param timeScale       multiplier applied to every simulated delay
 * @param dropletBootDelay time a DigitalOcean droplet stays {@code new} before it becomes {@code active}
 * @param dnsChangeDelay  time a Route53 change stays {@code PENDING} before it is {@code INSYNC}
 * @param workerThreads   size of the HTTP worker pool
 */
public record CloudSimConfig(
        String bindAddress,
        int port,
        double timeScale,
        Duration dropletBootDelay,
        Duration dnsChangeDelay,
        int workerThreads) {

    /** Port the simulator uses when none is given, the one the local stack points the agents at. */
    public static final int DEFAULT_PORT = 4566;

    public CloudSimConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dropletBootDelay, "dropletBootDelay");
        Objects.requireNonNull(dnsChangeDelay, "dnsChangeDelay");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number >= 0: " + timeScale);
        }
        if (dropletBootDelay.isNegative() || dnsChangeDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1: " + workerThreads);
        }
    }

    /**
     * Loopback, port 4566, time scale 1, droplets boot in 300 ms (a realistic 30 s sped up 100 times),
     * DNS changes are in sync as soon as they are read back, four worker threads.
     */
    public static CloudSimConfig defaults() {
        return new CloudSimConfig("127.0.0.1", DEFAULT_PORT, 1.0, Duration.ofMillis(300), Duration.ZERO, 4);
    }

    public CloudSimConfig withBindAddress(String newBindAddress) {
        return new CloudSimConfig(newBindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads);
    }

    public CloudSimConfig withPort(int newPort) {
        return new CloudSimConfig(bindAddress, newPort, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads);
    }

    public CloudSimConfig withTimeScale(double newTimeScale) {
        return new CloudSimConfig(bindAddress, port, newTimeScale, dropletBootDelay, dnsChangeDelay, workerThreads);
    }

    public CloudSimConfig withDropletBootDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, newDelay, dnsChangeDelay, workerThreads);
    }

    public CloudSimConfig withDnsChangeDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, newDelay, workerThreads);
    }

    public CloudSimConfig withWorkerThreads(int newWorkerThreads) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, newWorkerThreads);
    }

    /** The given nominal delay after applying {@link #timeScale()}. */
    public Duration scaled(Duration nominal) {
        return Duration.ofNanos(Math.round(nominal.toNanos() * timeScale));
    }
}
