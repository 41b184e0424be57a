package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Thread-safe store of the VPCs created through the DigitalOcean API (region default VPCs are not stored). */
public final class DigitalOceanVpcStore {

    private final Map<String, DigitalOceanVpc> vpcs = new LinkedHashMap<>();

    /**
     * Creates a VPC unless its name is taken or its range overlaps another network of the account.
     *
     * @param reservedRanges ranges that are in use although not stored here, such as the regions' default VPCs
     * @throws DigitalOceanConflict with DigitalOcean's message when the name or range is taken
     */
    public synchronized DigitalOceanVpc create(String name, String description, String region,
            DigitalOceanIpRange ipRange, List<DigitalOceanIpRange> reservedRanges, Instant now) {
        if (vpcs.values().stream().anyMatch(v -> v.name().equals(name))) {
            throw new DigitalOceanConflict("A VPC with the name '" + name + "' already exists.");
        }
        List<DigitalOceanIpRange> inUse = new ArrayList<>(reservedRanges);
        vpcs.values().forEach(v -> inUse.add(v.ipRange()));
        for (DigitalOceanIpRange other : inUse) {
            if (other.overlaps(ipRange)) {
                throw new DigitalOceanConflict("The ip_range " + ipRange + " overlaps with the range " + other
                        + " of another VPC network in this account.");
            }
        }
        DigitalOceanVpc vpc = new DigitalOceanVpc(UUID.randomUUID().toString(), name, description, region, ipRange,
                false, now.truncatedTo(ChronoUnit.SECONDS));
        vpcs.put(vpc.id(), vpc);
        return vpc;
    }

    /** Every stored VPC in creation order. */
    public synchronized List<DigitalOceanVpc> list() {
        return List.copyOf(vpcs.values());
    }

    public synchronized Optional<DigitalOceanVpc> find(String id) {
        return Optional.ofNullable(vpcs.get(id));
    }

    public synchronized boolean delete(String id) {
        return vpcs.remove(id) != null;
    }

    public synchronized void reset() {
        vpcs.clear();
    }
}
