package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DigitalOceanConflict;
import dev.provisioning.cloudsim.state.DigitalOceanDatabaseStore;
import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancerStore;
import dev.provisioning.cloudsim.state.DigitalOceanVpc;
import dev.provisioning.cloudsim.state.DigitalOceanVpcStore;
import dev.provisioning.cloudsim.state.DropletStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** {@code /v2/vpcs}: create, list, get and delete VPC networks and list their members. */
final class VpcsHandler {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9.-]{1,255}");
    private static final int SMALLEST_PREFIX = 24;
    private static final int LARGEST_PREFIX = 16;

    private final DigitalOceanVpcStore store;
    private final VpcDirectory directory;
    private final DropletStore droplets;
    private final DigitalOceanLoadBalancerStore loadBalancers;
    private final DigitalOceanDatabaseStore databases;
    private final DigitalOceanCatalog catalog;
    private final DigitalOceanJson json;

    VpcsHandler(DigitalOceanVpcStore store, VpcDirectory directory, DropletStore droplets,
            DigitalOceanLoadBalancerStore loadBalancers, DigitalOceanDatabaseStore databases,
            DigitalOceanCatalog catalog, DigitalOceanJson json) {
        this.store = store;
        this.directory = directory;
        this.droplets = droplets;
        this.loadBalancers = loadBalancers;
        this.databases = databases;
        this.catalog = catalog;
        this.json = json;
    }

    /** Handles a request whose path continues after {@code /v2/vpcs} with {@code rest}. */
    SimResponse handle(SimRequest request, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> create(request);
                case "GET" -> list(request);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        String id = rest.get(0);
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> single(directory.find(id).orElseThrow(RejectedDigitalOceanRequest::notFound), 200);
                case "DELETE" -> delete(id);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.size() == 2 && rest.get(1).equals("members") && method.equals("GET")) {
            return members(request, directory.find(id).orElseThrow(RejectedDigitalOceanRequest::notFound));
        }
        throw RejectedDigitalOceanRequest.notFound();
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = RequestBodies.object(request);
        String name = RequestBodies.text(body, "name").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "name is required to create a VPC."));
        if (!NAME.matcher(name).matches()) {
            throw RejectedDigitalOceanRequest.unprocessable(
                    "VPC names may only contain alphanumeric characters, dashes, and periods.");
        }
        String regionSlug = RequestBodies.text(body, "region").orElseThrow(
                () -> RejectedDigitalOceanRequest.unprocessable("region is required to create a VPC."));
        DigitalOceanCatalog.Region region = catalog.region(regionSlug).filter(DigitalOceanCatalog.Region::available)
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "You specified an invalid region for VPC creation."));
        String description = RequestBodies.text(body, "description").orElse("");
        if (description.length() > 255) {
            throw RejectedDigitalOceanRequest.unprocessable("description may be at most 255 characters.");
        }
        Optional<String> requestedRange = RequestBodies.text(body, "ip_range");
        DigitalOceanIpRange range = requestedRange.isPresent() ? validRange(requestedRange.get()) : freeRange();
        try {
            DigitalOceanVpc vpc = store.create(name, description, region.slug(), range, directory.defaultRanges(),
                    Instant.now());
            return single(vpc, 201);
        } catch (DigitalOceanConflict conflict) {
            throw RejectedDigitalOceanRequest.unprocessable(conflict.getMessage());
        }
    }

    private SimResponse list(SimRequest request) {
        List<DigitalOceanVpc> all = new ArrayList<>();
        for (String region : regionsInUse()) {
            catalog.region(region).ifPresent(r -> all.add(VpcDirectory.defaultVpc(r)));
        }
        all.addAll(store.list());
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set("vpcs", DigitalOceanJson.array(pages.slice(all).stream().map(json::vpc).toList()));
        return SimResponse.json(200, pages.decorate(body, all.size()));
    }

    private SimResponse delete(String id) {
        DigitalOceanVpc vpc = directory.find(id).orElseThrow(RejectedDigitalOceanRequest::notFound);
        if (vpc.defaultVpc()) {
            throw new RejectedDigitalOceanRequest(403, "forbidden",
                    "Cannot delete the default VPC network of a region.");
        }
        if (!memberUrns(vpc).isEmpty()) {
            throw new RejectedDigitalOceanRequest(403, "forbidden",
                    "Can not delete VPC with members: remove its Droplets, load balancers and databases first.");
        }
        store.delete(id);
        return SimResponse.empty(204);
    }

    private SimResponse members(SimRequest request, DigitalOceanVpc vpc) {
        Optional<String> type = request.queryParam("resource_type");
        List<ObjectNode> members = new ArrayList<>();
        if (type.isEmpty() || type.get().equals("droplet")) {
            droplets.list().stream().filter(d -> d.vpcUuid().equals(vpc.id())).forEach(d -> members.add(
                    DigitalOceanJson.member("do:droplet:" + d.id(), d.name(), d.createdAt())));
        }
        if (type.isEmpty() || type.get().equals("load_balancer")) {
            loadBalancers.list().stream().filter(lb -> lb.vpcUuid().equals(vpc.id())).forEach(lb -> members.add(
                    DigitalOceanJson.member(lb.urn(), lb.name(), lb.createdAt())));
        }
        if (type.isEmpty() || type.get().equals("database")) {
            databases.list().stream().filter(db -> db.privateNetworkUuid().equals(vpc.id())).forEach(db -> members.add(
                    DigitalOceanJson.member(db.urn(), db.name(), db.createdAt())));
            databases.allReplicas().stream().filter(r -> r.privateNetworkUuid().equals(vpc.id())).forEach(r ->
                    members.add(DigitalOceanJson.member(r.urn(), r.name(), r.createdAt())));
        }
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set("members", DigitalOceanJson.array(pages.slice(members)));
        return SimResponse.json(200, pages.decorate(body, members.size()));
    }

    private List<String> memberUrns(DigitalOceanVpc vpc) {
        List<String> urns = new ArrayList<>();
        droplets.list().stream().filter(d -> d.vpcUuid().equals(vpc.id())).forEach(d -> urns.add("do:droplet:" + d.id()));
        loadBalancers.list().stream().filter(lb -> lb.vpcUuid().equals(vpc.id())).forEach(lb -> urns.add(lb.urn()));
        databases.list().stream().filter(db -> db.privateNetworkUuid().equals(vpc.id())).forEach(db -> urns.add(db.urn()));
        databases.allReplicas().stream().filter(r -> r.privateNetworkUuid().equals(vpc.id()))
                .forEach(r -> urns.add(r.urn()));
        return urns;
    }

    private Set<String> regionsInUse() {
        Set<String> regions = new TreeSet<>();
        droplets.list().forEach(d -> regions.add(d.region()));
        loadBalancers.list().forEach(lb -> regions.add(lb.region()));
        databases.list().forEach(db -> regions.add(db.region()));
        databases.allReplicas().forEach(r -> regions.add(r.region()));
        return regions;
    }

    private SimResponse single(DigitalOceanVpc vpc, int status) {
        ObjectNode body = SimJson.object();
        body.set("vpc", json.vpc(vpc));
        return SimResponse.json(status, body);
    }

    private static DigitalOceanIpRange validRange(String text) {
        DigitalOceanIpRange range = DigitalOceanIpRange.parse(text).orElseThrow(
                () -> RejectedDigitalOceanRequest.unprocessable("ip_range '" + text
                        + "' is not a valid network in CIDR notation, e.g. 10.10.10.0/24."));
        if (!range.isPrivate()) {
            throw RejectedDigitalOceanRequest.unprocessable("ip_range " + range
                    + " must be within the private ranges of RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16).");
        }
        if (range.prefixLength() > SMALLEST_PREFIX || range.prefixLength() < LARGEST_PREFIX) {
            throw RejectedDigitalOceanRequest.unprocessable("ip_range " + range
                    + " must not be smaller than /24 nor larger than /16.");
        }
        return range;
    }

    /** What DigitalOcean does without an ip_range: a /20 that overlaps nothing in the account. */
    private DigitalOceanIpRange freeRange() {
        List<DigitalOceanIpRange> inUse = new ArrayList<>(directory.defaultRanges());
        store.list().forEach(v -> inUse.add(v.ipRange()));
        for (int second = 10; second < 256; second++) {
            for (int third = 0; third < 256; third += 16) {
                DigitalOceanIpRange candidate = DigitalOceanIpRange.parse("10." + second + "." + third + ".0/20")
                        .orElseThrow();
                if (inUse.stream().noneMatch(candidate::overlaps)) {
                    return candidate;
                }
            }
        }
        throw RejectedDigitalOceanRequest.unprocessable("No free /20 range is left for a new VPC.");
    }
}
