package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;

/**
 * A read-only replica of a simulated DigitalOcean database cluster; it answers with the cluster's credentials.
 *
 * @param id                 UUID of the replica
 * @param clusterId          the cluster it replicates
 * @param name               unique among the cluster's replicas; its hosts are derived from it
 * @param privateNetworkUuid the VPC the replica joined
 */
public record DigitalOceanDatabaseReplica(
        String id,
        String clusterId,
        String name,
        String region,
        String size,
        DigitalOceanDatabase.Status status,
        List<String> tags,
        String privateNetworkUuid,
        Instant createdAt) {

    public DigitalOceanDatabaseReplica {
        tags = List.copyOf(tags);
    }

    public String host() {
        return DigitalOceanDatabase.publicHost(name);
    }

    public String privateHost() {
        return DigitalOceanDatabase.privateHost(name);
    }

    /** The URN DigitalOcean lists VPC members by. */
    public String urn() {
        return "do:dbaas:" + id;
    }

    public DigitalOceanDatabaseReplica online() {
        return new DigitalOceanDatabaseReplica(id, clusterId, name, region, size,
                DigitalOceanDatabase.Status.ONLINE, tags, privateNetworkUuid, createdAt);
    }
}
