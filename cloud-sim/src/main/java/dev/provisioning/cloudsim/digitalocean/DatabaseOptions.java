package dev.provisioning.cloudsim.digitalocean;

import java.util.List;
import java.util.Optional;

/**
 * What the simulated account offers for managed databases, as {@code GET /v2/databases/options} lists it: the
 * engines with their regions, versions and the node sizes each node count allows. Only PostgreSQL is offered.
 */
final class DatabaseOptions {

    /** A database node size; a read replica must be at least as large as its cluster's nodes. */
    record Size(String slug, int vcpus, int memoryGb) {

        boolean atLeast(Size other) {
            return vcpus >= other.vcpus && memoryGb >= other.memoryGb;
        }
    }

    /** The node sizes a cluster of {@code numNodes} nodes may use. */
    record Layout(int numNodes, List<String> sizes) {
    }

    /** An engine: slug, offered major versions (oldest first), regions and layouts. */
    record Engine(String slug, String protocol, List<String> versions, List<String> regions, List<Layout> layouts) {

        Optional<Layout> layout(int numNodes) {
            return layouts.stream().filter(l -> l.numNodes() == numNodes).findFirst();
        }

        /** The version a create without {@code version} gets: the newest. */
        String latestVersion() {
            return versions.get(versions.size() - 1);
        }
    }

    private static final List<Size> SIZES = List.of(
            new Size("db-s-1vcpu-1gb", 1, 1),
            new Size("db-s-1vcpu-2gb", 1, 2),
            new Size("db-s-2vcpu-4gb", 2, 4),
            new Size("db-s-4vcpu-8gb", 4, 8),
            new Size("db-s-6vcpu-16gb", 6, 16),
            new Size("db-s-8vcpu-32gb", 8, 32),
            new Size("db-s-16vcpu-64gb", 16, 64),
            new Size("gd-2vcpu-8gb", 2, 8),
            new Size("gd-4vcpu-16gb", 4, 16));

    private final List<Engine> engines;

    private DatabaseOptions(List<Engine> engines) {
        this.engines = List.copyOf(engines);
    }

    /** PostgreSQL 14–17 in every available region; the 1 GB node only for single-node clusters, as DigitalOcean does. */
    static DatabaseOptions standard(DigitalOceanCatalog catalog) {
        List<String> regions = catalog.regions().stream().filter(DigitalOceanCatalog.Region::available)
                .map(DigitalOceanCatalog.Region::slug).sorted().toList();
        List<String> all = SIZES.stream().map(Size::slug).toList();
        List<String> highAvailability = all.stream().filter(slug -> !slug.equals("db-s-1vcpu-1gb")).toList();
        Engine pg = new Engine("pg", "postgresql", List.of("14", "15", "16", "17"), regions,
                List.of(new Layout(1, all), new Layout(2, highAvailability), new Layout(3, highAvailability)));
        return new DatabaseOptions(List.of(pg));
    }

    List<Engine> engines() {
        return engines;
    }

    Optional<Engine> engine(String slug) {
        return engines.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    Optional<Size> size(String slug) {
        return SIZES.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** Every known size slug, for error messages. */
    List<String> sizeSlugs() {
        return SIZES.stream().map(Size::slug).toList();
    }
}
