package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A simulated DigitalOcean managed database cluster.
 *
 * @param id                 UUID, as DigitalOcean identifies clusters
 * @param name               unique in the account; the hosts are derived from it
 * @param engine             engine slug, e.g. {@code pg}
 * @param version            major version, e.g. {@code 16}
 * @param size               node size slug, e.g. {@code db-s-2vcpu-4gb}
 * @param numNodes           primary plus standby nodes (1–3)
 * @param privateNetworkUuid the VPC the cluster joined (the region's default VPC unless the request named one)
 * @param password           the password of the default user {@code doadmin}
 */
public record DigitalOceanDatabase(
        String id,
        String name,
        String engine,
        String version,
        String region,
        String size,
        int numNodes,
        Status status,
        List<String> tags,
        String privateNetworkUuid,
        String password,
        Instant createdAt) {

    /** The default user every cluster is created with. */
    public static final String DEFAULT_USER = "doadmin";
    /** The database every cluster is created with. */
    public static final String DEFAULT_DATABASE = "defaultdb";
    /** The port managed PostgreSQL listens on, publicly and in the VPC. */
    public static final int PORT = 25060;
    /** The simulated account's number, part of every database host name. */
    private static final String ACCOUNT = "19081923";

    /** Cluster and replica states as DigitalOcean names them. */
    public enum Status {
        CREATING, ONLINE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DigitalOceanDatabase {
        tags = List.copyOf(tags);
    }

    /** The public host name of a cluster or replica node called {@code nodeName}. */
    public static String publicHost(String nodeName) {
        return nodeName + "-do-user-" + ACCOUNT + "-0.db.ondigitalocean.com";
    }

    /** The host name of a node inside its VPC. */
    public static String privateHost(String nodeName) {
        return "private-" + publicHost(nodeName);
    }

    public String host() {
        return publicHost(name);
    }

    public String privateHost() {
        return privateHost(name);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** The URN DigitalOcean lists VPC and project members by. */
    public String urn() {
        return "do:dbaas:" + id;
    }

    public DigitalOceanDatabase online() {
        return new DigitalOceanDatabase(id, name, engine, version, region, size, numNodes, Status.ONLINE, tags,
                privateNetworkUuid, password, createdAt);
    }
}
