package dev.provisioning.cloudsim.digitalocean;

import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import dev.provisioning.cloudsim.state.DigitalOceanVpc;
import dev.provisioning.cloudsim.state.DigitalOceanVpcStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every VPC a request may name: the ones created through the API and each region's default VPC, which DigitalOcean
 * creates on its own and which is therefore derived from the catalog rather than stored.
 */
final class VpcDirectory {

    private static final Instant DEFAULTS_CREATED = Instant.parse("2020-03-13T19:20:47Z");

    private final DigitalOceanVpcStore store;
    private final DigitalOceanCatalog catalog;

    VpcDirectory(DigitalOceanVpcStore store, DigitalOceanCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    Optional<DigitalOceanVpc> find(String id) {
        Optional<DigitalOceanVpc> created = store.find(id);
        if (created.isPresent()) {
            return created;
        }
        return catalog.regions().stream().filter(DigitalOceanCatalog.Region::available)
                .filter(r -> r.defaultVpcUuid().equals(id)).findFirst().map(VpcDirectory::defaultVpc);
    }

    /** The region's default VPC, as the API shows it. */
    static DigitalOceanVpc defaultVpc(DigitalOceanCatalog.Region region) {
        return new DigitalOceanVpc(region.defaultVpcUuid(), "default-" + region.slug(), "", region.slug(),
                region.defaultVpcRange(), true, DEFAULTS_CREATED);
    }

    /** The ranges of the default VPCs, which a new VPC must not overlap. */
    List<DigitalOceanIpRange> defaultRanges() {
        List<DigitalOceanIpRange> ranges = new ArrayList<>();
        catalog.regions().forEach(region -> ranges.add(region.defaultVpcRange()));
        return ranges;
    }

    /** The range a droplet's private address lies in; the region default /20 for an unknown VPC. */
    DigitalOceanIpRange rangeOf(String vpcUuid, String regionSlug) {
        return find(vpcUuid).map(DigitalOceanVpc::ipRange)
                .orElseGet(() -> catalog.region(regionSlug).orElseThrow().defaultVpcRange());
    }

    /**
     * The VPC a resource in {@code region} joins: the named one, which must exist in that region, or the default.
     *
     * @param kind what is being created, for the error message ("Droplet", "load balancer")
     */
    DigitalOceanVpc resolve(Optional<String> vpcUuid, DigitalOceanCatalog.Region region, String kind) {
        if (vpcUuid.isEmpty()) {
            return defaultVpc(region);
        }
        DigitalOceanVpc vpc = find(vpcUuid.get()).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "vpc_uuid " + vpcUuid.get() + " does not refer to a VPC in this account."));
        if (!vpc.region().equals(region.slug())) {
            throw RejectedDigitalOceanRequest.unprocessable("The VPC " + vpc.id() + " is in region " + vpc.region()
                    + "; a " + kind + " in " + region.slug() + " can only join a VPC of the same region.");
        }
        return vpc;
    }
}
