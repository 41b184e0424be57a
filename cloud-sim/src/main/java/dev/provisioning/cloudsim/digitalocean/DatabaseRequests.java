package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.state.DigitalOceanVpc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The fields database cluster and replica requests share, read and checked as DigitalOcean does. */
final class DatabaseRequests {

    /** 3–63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_:-]{1,255}");

    private DatabaseRequests() {
    }

    /** The required {@code name} of a cluster or replica. */
    static String name(JsonNode body, String what) {
        String name = RequestBodies.text(body, "name").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "name is required to create a " + what + "."));
        if (!NAME.matcher(name).matches()) {
            throw RejectedDigitalOceanRequest.unprocessable("name '" + name + "' is invalid: a " + what
                    + " name has 3 to 63 lower-case letters, digits and hyphens, starts with a letter and does not "
                    + "end with a hyphen.");
        }
        return name;
    }

    /** The optional {@code tags}, each a valid DigitalOcean tag; duplicates are dropped. */
    static List<String> tags(JsonNode body) {
        JsonNode node = body.path("tags");
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw RejectedDigitalOceanRequest.unprocessable("tags must be a list of tag names.");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (JsonNode item : node) {
            String tag = item.isTextual() ? item.asText() : "";
            if (!TAG.matcher(tag).matches()) {
                throw RejectedDigitalOceanRequest.unprocessable("tag '" + item.asText() + "' is invalid: tags may "
                        + "contain letters, numbers, colons, dashes, and underscores, at most 255 characters.");
            }
            tags.add(tag);
        }
        return new ArrayList<>(tags);
    }

    /** A size slug that must name a known database size. */
    static DatabaseOptions.Size size(DatabaseOptions options, String slug) {
        return options.size(slug).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable("size '" + slug
                + "' is not a database size; known sizes: " + String.join(", ", options.sizeSlugs()) + "."));
    }

    /** A region slug that must name an available region offering the engine. */
    static DigitalOceanCatalog.Region region(DigitalOceanCatalog catalog, DatabaseOptions.Engine engine, String slug) {
        DigitalOceanCatalog.Region region = catalog.region(slug).filter(DigitalOceanCatalog.Region::available)
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable("region '" + slug
                        + "' is invalid for database creation; regions: " + String.join(", ", engine.regions())
                        + "."));
        if (!engine.regions().contains(region.slug())) {
            throw RejectedDigitalOceanRequest.unprocessable("engine " + engine.slug() + " is not offered in region "
                    + region.slug() + ".");
        }
        return region;
    }

    /**
     * The VPC named by {@code private_network_uuid}, which must exist in {@code region}; empty when the request names
     * none.
     */
    static Optional<DigitalOceanVpc> namedVpc(VpcDirectory vpcs, JsonNode body, DigitalOceanCatalog.Region region,
            String what) {
        Optional<String> uuid = RequestBodies.text(body, "private_network_uuid");
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        DigitalOceanVpc vpc = vpcs.find(uuid.get()).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "private_network_uuid " + uuid.get() + " does not refer to a VPC in this account."));
        if (!vpc.region().equals(region.slug())) {
            throw RejectedDigitalOceanRequest.unprocessable("The VPC " + vpc.id() + " is in region " + vpc.region()
                    + "; a " + what + " in " + region.slug() + " can only join a VPC of the same region.");
        }
        return Optional.of(vpc);
    }
}
