package dev.provisioning.cloudsim.hetzner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulated Hetzner account offers: locations, datacenters, server types, images, load balancer types and
 * every price in EUR. Prices are cloud-sim's own list (see the README), chosen so the seed workspace's EU region
 * (3 x cpx21, one lb11, a 100 GB volume) comes to about EUR 72.70 a month net.
 */
final class HetznerCatalog {

    /** German VAT, which Hetzner adds to the net price for the gross one. */
    static final BigDecimal VAT_RATE = new BigDecimal("19.00");
    static final BigDecimal VOLUME_PER_GB_MONTH = new BigDecimal("0.0440");
    static final BigDecimal PRIMARY_IPV4_MONTH = new BigDecimal("0.50");
    static final BigDecimal FLOATING_IPV4_MONTH = new BigDecimal("3.00");
    static final BigDecimal FLOATING_IPV6_MONTH = new BigDecimal("3.00");
    static final BigDecimal IMAGE_PER_GB_MONTH = new BigDecimal("0.0119");
    static final BigDecimal TRAFFIC_PER_TB = new BigDecimal("1.00");
    /** Hetzner bills by the hour up to a monthly cap; cloud-sim derives the hourly price from 730 hours. */
    private static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");
    private static final long TB = 1_099_511_627_776L;

    /** A location with its network zone; {@code priceFactor} scales server prices there. */
    record Location(long id, String name, String description, String country, String city, double latitude,
                    double longitude, String networkZone, BigDecimal priceFactor, long includedTrafficBytes) {
    }

    /** A datacenter, the one per location servers are placed in. */
    record Datacenter(long id, String name, String description, Location location) {
    }

    /**
     * A deprecation notice as Hetzner publishes it; cloud-sim still creates deprecated types so that workspaces
     * written before the notice keep working, as the real API does until {@code unavailableAfter}.
     */
    record Deprecation(Instant announced, Instant unavailableAfter) {
    }

    /** A server type and its monthly EUR net price in the EU locations. */
    record ServerType(long id, String name, String description, int cores, double memoryGb, int diskGb,
                      String cpuType, String architecture, BigDecimal monthlyNetEu, Set<String> locations,
                      Deprecation deprecation) {
    }

    /** An OS image for one architecture. */
    record Image(long id, String name, String description, String osFlavor, String osVersion, String architecture,
                 Instant created) {
    }

    /** A load balancer type; priced the same in every location. */
    record LoadBalancerType(long id, String name, int maxConnections, int maxServices, int maxTargets,
                            int maxAssignedCertificates, BigDecimal monthlyNet) {
    }

    private static final Set<String> EU = Set.of("fsn1", "nbg1", "hel1");
    private static final Set<String> ALL = Set.of("fsn1", "nbg1", "hel1", "ash", "hil", "sin");

    static final List<Location> LOCATIONS = List.of(
            new Location(1, "fsn1", "Falkenstein DC Park 1", "DE", "Falkenstein", 50.47612, 12.370071, "eu-central",
                    BigDecimal.ONE, 20 * TB),
            new Location(2, "nbg1", "Nuremberg DC Park 1", "DE", "Nuremberg", 49.452102, 11.076665, "eu-central",
                    BigDecimal.ONE, 20 * TB),
            new Location(3, "hel1", "Helsinki DC Park 1", "FI", "Helsinki", 60.169855, 24.938379, "eu-central",
                    BigDecimal.ONE, 20 * TB),
            new Location(4, "ash", "Ashburn, VA", "US", "Ashburn, VA", 39.045821, -77.487073, "us-east",
                    new BigDecimal("1.20"), TB),
            new Location(5, "hil", "Hillsboro, OR", "US", "Hillsboro, OR", 45.54222, -122.951924, "us-west",
                    new BigDecimal("1.20"), TB),
            new Location(6, "sin", "Singapore", "SG", "Singapore", 1.283333, 103.833333, "ap-southeast",
                    new BigDecimal("1.25"), TB / 2));

    static final List<Datacenter> DATACENTERS = List.of(
            new Datacenter(4, "fsn1-dc14", "Falkenstein 1 virtual DC 14", LOCATIONS.get(0)),
            new Datacenter(2, "nbg1-dc3", "Nuremberg 1 virtual DC 3", LOCATIONS.get(1)),
            new Datacenter(3, "hel1-dc2", "Helsinki 1 virtual DC 2", LOCATIONS.get(2)),
            new Datacenter(5, "ash-dc1", "Ashburn virtual DC 1", LOCATIONS.get(3)),
            new Datacenter(6, "hil-dc1", "Hillsboro virtual DC 1", LOCATIONS.get(4)),
            new Datacenter(7, "sin-dc1", "Singapore virtual DC 1", LOCATIONS.get(5)));

    static final List<ServerType> SERVER_TYPES = List.of(
            new ServerType(22, "cpx11", "CPX11", 2, 2, 40, "shared", "x86", new BigDecimal("4.35"), ALL, null),
            new ServerType(23, "cpx21", "CPX21", 3, 4, 80, "shared", "x86", new BigDecimal("20.90"), ALL,
                    new Deprecation(Instant.parse("2025-10-16T06:00:00Z"), Instant.parse("2026-12-31T23:59:59Z"))),
            new ServerType(24, "cpx31", "CPX31", 4, 8, 160, "shared", "x86", new BigDecimal("13.60"), ALL, null),
            new ServerType(45, "cax11", "CAX11", 2, 4, 40, "shared", "arm", new BigDecimal("3.79"), EU, null),
            new ServerType(104, "cx22", "CX22", 2, 4, 40, "shared", "x86", new BigDecimal("3.79"), EU, null),
            new ServerType(105, "cx32", "CX32", 4, 8, 80, "shared", "x86", new BigDecimal("6.80"), EU, null),
            new ServerType(113, "cpx22", "CPX22", 2, 4, 80, "shared", "x86", new BigDecimal("7.99"), ALL, null),
            new ServerType(114, "cpx32", "CPX32", 4, 8, 160, "shared", "x86", new BigDecimal("13.99"), ALL, null));

    static final List<Image> IMAGES = List.of(
            new Image(67794396, "ubuntu-22.04", "Ubuntu 22.04", "ubuntu", "22.04", "x86", Instant.parse("2022-04-21T13:32:38Z")),
            new Image(103908070, "ubuntu-22.04", "Ubuntu 22.04", "ubuntu", "22.04", "arm", Instant.parse("2023-03-20T10:00:00Z")),
            new Image(161547269, "ubuntu-24.04", "Ubuntu 24.04", "ubuntu", "24.04", "x86", Instant.parse("2024-04-25T12:00:00Z")),
            new Image(161547270, "ubuntu-24.04", "Ubuntu 24.04", "ubuntu", "24.04", "arm", Instant.parse("2024-04-25T12:00:00Z")),
            new Image(114690387, "debian-12", "Debian 12", "debian", "12", "x86", Instant.parse("2023-06-13T06:00:00Z")),
            new Image(114690389, "debian-12", "Debian 12", "debian", "12", "arm", Instant.parse("2023-06-13T06:00:00Z")));

    static final List<LoadBalancerType> LOAD_BALANCER_TYPES = List.of(
            new LoadBalancerType(1, "lb11", 10_000, 5, 25, 10, new BigDecimal("5.39")),
            new LoadBalancerType(2, "lb21", 20_000, 15, 75, 25, new BigDecimal("16.40")),
            new LoadBalancerType(3, "lb31", 40_000, 30, 150, 50, new BigDecimal("32.90")));

    private HetznerCatalog() {
    }

    static Optional<Location> location(String name) {
        return LOCATIONS.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    static Optional<Datacenter> datacenter(String name) {
        return DATACENTERS.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    static Datacenter datacenterIn(String location) {
        return DATACENTERS.stream().filter(d -> d.location().name().equals(location)).findFirst().orElseThrow();
    }

    /** A server type by name or numeric id, as the API accepts both. */
    static Optional<ServerType> serverType(String nameOrId) {
        return SERVER_TYPES.stream().filter(t -> t.name().equals(nameOrId) || String.valueOf(t.id()).equals(nameOrId))
                .findFirst();
    }

    /** An image by name or id; by name the one for the architecture. */
    static Optional<Image> image(String nameOrId, String architecture) {
        return IMAGES.stream().filter(i -> String.valueOf(i.id()).equals(nameOrId)
                || (i.name().equals(nameOrId) && i.architecture().equals(architecture))).findFirst();
    }

    static Optional<LoadBalancerType> loadBalancerType(String nameOrId) {
        return LOAD_BALANCER_TYPES.stream()
                .filter(t -> t.name().equals(nameOrId) || String.valueOf(t.id()).equals(nameOrId)).findFirst();
    }

    /** The monthly net price of a server type in a location. */
    static BigDecimal monthlyNet(ServerType type, Location location) {
        return type.monthlyNetEu().multiply(location.priceFactor()).setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal hourly(BigDecimal monthly) {
        return monthly.divide(HOURS_PER_MONTH, 4, RoundingMode.UP);
    }

    static BigDecimal gross(BigDecimal net) {
        return net.multiply(BigDecimal.ONE.add(VAT_RATE.movePointLeft(2))).setScale(10, RoundingMode.HALF_UP);
    }
}
