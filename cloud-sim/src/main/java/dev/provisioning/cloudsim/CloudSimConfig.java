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
 * @param serverBootDelay time a Hetzner server stays {@code initializing} before it is {@code running}
 * @param loadBalancerDelay time a DigitalOcean load balancer stays {@code new} before it is {@code active}
 * @param ec2BootDelay  time an EC2 instance stays {@code pending} (and {@code stopping}, {@code shutting-down})
 * @param elbProvisionDelay time an ELBv2 load balancer stays {@code provisioning} before it is {@code active}
 * @param databaseDelay time a DigitalOcean database cluster (or read replica) stays {@code creating} before it is
 *                      {@code online}
 * @param rdsDelay      time an RDS DB instance stays {@code creating} before it is {@code available} (and
 *                      {@code deleting} before it is gone, {@code modifying} while a read replica is promoted)
 */
public record CloudSimConfig(
        String bindAddress,
        int port,
        double timeScale,
        Duration dropletBootDelay,
        Duration dnsChangeDelay,
        int workerThreads,
        Duration serverBootDelay,
        Duration loadBalancerDelay,
        Duration ec2BootDelay,
        Duration elbProvisionDelay,
        Duration databaseDelay,
        Duration rdsDelay) {

    /** Port the simulator uses when none is given, the one the local stack points the agents at. */
    public static final int DEFAULT_PORT = 4566;

    public CloudSimConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(ec2BootDelay, "ec2BootDelay");
        Objects.requireNonNull(elbProvisionDelay, "elbProvisionDelay");
        Objects.requireNonNull(databaseDelay, "databaseDelay");
        Objects.requireNonNull(rdsDelay, "rdsDelay");
        if (ec2BootDelay.isNegative() || elbProvisionDelay.isNegative() || databaseDelay.isNegative()
                || rdsDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        Objects.requireNonNull(dropletBootDelay, "dropletBootDelay");
        Objects.requireNonNull(dnsChangeDelay, "dnsChangeDelay");
        Objects.requireNonNull(loadBalancerDelay, "loadBalancerDelay");
        Objects.requireNonNull(serverBootDelay, "serverBootDelay");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number >= 0: " + timeScale);
        }
        if (dropletBootDelay.isNegative() || dnsChangeDelay.isNegative() || loadBalancerDelay.isNegative() || serverBootDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1: " + workerThreads);
        }
    }

    /**
     * Loopback, port 4566, time scale 1, droplets and Hetzner servers boot in 300 ms (a realistic 30 s sped up 100 times),
     * load balancers, EC2 instances, ELBs, database clusters and RDS instances are up in 300 ms too,
     * DNS changes are in sync as soon as they are read back, four worker threads.
     */
    public static CloudSimConfig defaults() {
        return new CloudSimConfig("127.0.0.1", DEFAULT_PORT, 1.0, Duration.ofMillis(300), Duration.ZERO, 4, Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofMillis(300));
    }

    public CloudSimConfig withBindAddress(String newBindAddress) {
        return new CloudSimConfig(newBindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withPort(int newPort) {
        return new CloudSimConfig(bindAddress, newPort, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withTimeScale(double newTimeScale) {
        return new CloudSimConfig(bindAddress, port, newTimeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withDropletBootDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, newDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withDnsChangeDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, newDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withWorkerThreads(int newWorkerThreads) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, newWorkerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withServerBootDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, newDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withLoadBalancerDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, newDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withEc2BootDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, newDelay, elbProvisionDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withElbProvisionDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, newDelay, databaseDelay, rdsDelay);
    }

    public CloudSimConfig withDatabaseDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, newDelay, rdsDelay);
    }

    public CloudSimConfig withRdsDelay(Duration newDelay) {
        return new CloudSimConfig(bindAddress, port, timeScale, dropletBootDelay, dnsChangeDelay, workerThreads, serverBootDelay, loadBalancerDelay, ec2BootDelay, elbProvisionDelay, databaseDelay, newDelay);
    }

    /** The given nominal delay after applying {@link #timeScale()}. */
    public Duration scaled(Duration nominal) {
        return Duration.ofNanos(Math.round(nominal.toNanos() * timeScale));
    }
}
