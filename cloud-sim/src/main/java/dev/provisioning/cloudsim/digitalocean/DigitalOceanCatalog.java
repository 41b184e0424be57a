package dev.provisioning.cloudsim.digitalocean;

import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The fixed offer of the simulated DigitalOcean account: regions, droplet sizes and distribution images. */
public final class DigitalOceanCatalog {

    /**
     * A region.
     *
     * @param vpcPrefix first two octets of the region's default VPC range (a /20)
     */
    public record Region(String slug, String name, boolean available, String vpcPrefix) {

        /** The range of the region's default VPC, e.g. {@code 10.108.0.0/20}. */
        public DigitalOceanIpRange defaultVpcRange() {
            return DigitalOceanIpRange.parse(vpcPrefix + ".0.0/20").orElseThrow();
        }

        /** The default VPC every droplet in the region joins unless it names another one. */
        public String defaultVpcUuid() {
            return UUID.nameUUIDFromBytes(("default-vpc-" + slug).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
        }
    }

    /**
     * A droplet size at DigitalOcean's list price.
     *
     * @param transferTb outbound transfer allowance in TB
     * @param regions    slugs of the regions offering the size
     */
    public record Size(String slug, int memoryMb, int vcpus, int diskGb, double transferTb, BigDecimal priceMonthly,
            BigDecimal priceHourly, String description, List<String> regions) {

        public boolean availableIn(String region) {
            return regions.contains(region);
        }
    }

    /** A public distribution image. */
    public record Image(int id, String slug, String name, String distribution, int minDiskSize, double sizeGigabytes,
            Instant createdAt) {
    }

    static final List<String> REGION_FEATURES =
            List.of("backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer");

    private final List<Region> regions;
    private final List<Size> sizes;
    private final List<Image> images;

    private DigitalOceanCatalog(List<Region> regions, List<Size> sizes, List<Image> images) {
        this.regions = List.copyOf(regions);
        this.sizes = List.copyOf(sizes);
        this.images = List.copyOf(images);
    }

    /** The offer as DigitalOcean publishes it: public regions, Basic and dedicated sizes, current images. */
    public static DigitalOceanCatalog standard() {
        List<Region> regions = List.of(
                new Region("nyc1", "New York 1", true, "10.116"),
                new Region("nyc2", "New York 2", false, "10.112"),
                new Region("nyc3", "New York 3", true, "10.108"),
                new Region("sfo2", "San Francisco 2", true, "10.120"),
                new Region("sfo3", "San Francisco 3", true, "10.124"),
                new Region("ams3", "Amsterdam 3", true, "10.110"),
                new Region("fra1", "Frankfurt 1", true, "10.114"),
                new Region("lon1", "London 1", true, "10.106"),
                new Region("sgp1", "Singapore 1", true, "10.104"),
                new Region("tor1", "Toronto 1", true, "10.118"),
                new Region("blr1", "Bangalore 1", true, "10.122"),
                new Region("syd1", "Sydney 1", true, "10.126"));
        List<String> everywhere = regions.stream().filter(Region::available).map(Region::slug).toList();
        // Dedicated-CPU plans are not sold in the legacy San Francisco 2 region.
        List<String> dedicated = everywhere.stream().filter(slug -> !slug.equals("sfo2")).toList();
        List<Size> sizes = List.of(
                size("s-1vcpu-1gb", 1024, 1, 25, 1, "6", "0.00893", "Basic", everywhere),
                size("s-1vcpu-2gb", 2048, 1, 50, 2, "12", "0.01786", "Basic", everywhere),
                size("s-2vcpu-2gb", 2048, 2, 60, 3, "18", "0.02679", "Basic", everywhere),
                size("s-2vcpu-4gb", 4096, 2, 80, 4, "24", "0.03571", "Basic", everywhere),
                size("s-4vcpu-8gb", 8192, 4, 160, 5, "48", "0.07143", "Basic", everywhere),
                size("s-8vcpu-16gb", 16384, 8, 320, 6, "96", "0.14286", "Basic", everywhere),
                size("c-2", 4096, 2, 25, 4, "42", "0.0625", "CPU-Optimized", dedicated),
                size("g-2vcpu-8gb", 8192, 2, 25, 4, "63", "0.09375", "General Purpose", dedicated),
                size("m-2vcpu-16gb", 16384, 2, 50, 4, "84", "0.125", "Memory-Optimized", dedicated));
        Instant released = Instant.parse("2025-04-24T10:00:00Z");
        List<Image> images = List.of(
                new Image(181_203_405, "ubuntu-24-04-x64", "24.04 (LTS) x64", "Ubuntu", 7, 2.36, released),
                new Image(181_203_406, "ubuntu-22-04-x64", "22.04 (LTS) x64", "Ubuntu", 7, 2.14, released),
                new Image(181_203_407, "debian-12-x64", "12 x64", "Debian", 7, 1.04, released),
                new Image(181_203_408, "rockylinux-9-x64", "9 x64", "Rocky Linux", 10, 1.65, released),
                new Image(181_203_409, "fedora-42-x64", "42 x64", "Fedora", 10, 1.44, released),
                new Image(181_203_410, "centos-stream-9-x64", "Stream 9 x64", "CentOS", 10, 1.38, released));
        return new DigitalOceanCatalog(regions, sizes, images);
    }

    private static Size size(String slug, int memoryMb, int vcpus, int diskGb, double transferTb, String monthly,
            String hourly, String description, List<String> regions) {
        return new Size(slug, memoryMb, vcpus, diskGb, transferTb, new BigDecimal(monthly), new BigDecimal(hourly),
                description, regions);
    }

    public List<Region> regions() {
        return regions;
    }

    public List<Size> sizes() {
        return sizes;
    }

    public List<Image> images() {
        return images;
    }

    public Optional<Region> region(String slug) {
        return regions.stream().filter(r -> r.slug().equals(slug)).findFirst();
    }

    public Optional<Size> size(String slug) {
        return sizes.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** Finds an image by slug or by numeric id, as the API accepts either. */
    public Optional<Image> image(String slugOrId) {
        return images.stream()
                .filter(i -> i.slug().equals(slugOrId) || String.valueOf(i.id()).equals(slugOrId))
                .findFirst();
    }

    /** Slugs of the sizes a region offers. */
    public List<String> sizesIn(Region region) {
        return sizes.stream().filter(s -> s.availableIn(region.slug())).map(Size::slug).toList();
    }
}
