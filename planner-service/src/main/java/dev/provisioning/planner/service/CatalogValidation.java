package dev.provisioning.planner.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.planner.client.DigitalOceanListing;
import dev.provisioning.planner.model.FieldError;
import dev.provisioning.planner.model.InvalidWorkspaceException;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.RegionDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.ResourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed workspace against what each provider offers and its agent handles: resource kinds, required
 * attributes, references between resources, and the provider catalogs (regions, sizes).
 */
@ApplicationScoped
public class CatalogValidation {

    private final DigitalOceanListing digitalOcean;

    public CatalogValidation(DigitalOceanListing digitalOcean) {
        this.digitalOcean = digitalOcean;
    }

    public void check(WorkspaceDefinition workspace) {
        List<FieldError> errors = new ArrayList<>();
        workspace.regions().forEach((regionName, region) -> checkRegion("regions." + regionName, region, errors));
        if (!errors.isEmpty()) {
            // A declaration expanded by count yields the same problem once per copy: report it once.
            throw new InvalidWorkspaceException(errors.stream().distinct().toList());
        }
    }

    private void checkRegion(String path, RegionDefinition region, List<FieldError> errors) {
        Provider provider = Provider.fromId(region.provider());
        DigitalOceanListing.Listing listing = null;
        if (provider == Provider.DIGITALOCEAN && !region.resources().isEmpty()) {
            listing = digitalOcean.listing();
            if (!listing.regions().contains(region.location())) {
                errors.add(new FieldError(path + ".location", region.location(),
                        "not a DigitalOcean region that is available", listing.regions()));
            }
        }
        for (ResourceDefinition resource : region.resources()) {
            String at = resource.declaredAt();
            var kind = ResourceKinds.of(provider, resource.kind());
            if (kind.isEmpty()) {
                errors.add(new FieldError(at + ".kind", resource.kind(),
                        "not a resource kind the " + provider.id() + " agent handles", ResourceKinds.names(provider)));
                continue;
            }
            for (String key : kind.get().required()) {
                if (resource.spec().get(key) == null) {
                    errors.add(FieldError.of(at + "." + key, null, "required for a " + resource.kind()));
                }
            }
            kind.get().references().forEach((key, targetKind) ->
                    checkReference(at + "." + key, resource.spec().get(key), targetKind, region, errors));
            if (provider == Provider.DIGITALOCEAN && "droplet".equals(resource.kind())) {
                checkDropletSize(at, region, resource, listing, errors);
            }
            if (provider == Provider.DIGITALOCEAN && "load-balancer".equals(resource.kind())) {
                checkForwardingRules(at, resource, errors);
            }
        }
    }

    /** A reference names a resource (or a counted group) of the expected kind in the same region. */
    private static void checkReference(String path, Object value, String targetKind, RegionDefinition region,
                                       List<FieldError> errors) {
        if (value == null) {
            return;
        }
        List<Object> names = value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
        List<String> candidates = region.resources().stream().filter(r -> r.kind().equals(targetKind))
                .flatMap(r -> r.group().equals(r.name()) ? java.util.stream.Stream.of(r.name())
                        : java.util.stream.Stream.of(r.group(), r.name()))
                .distinct().toList();
        for (Object name : names) {
            if (!(name instanceof String text) || !candidates.contains(text)) {
                errors.add(new FieldError(path, name, "names no " + targetKind + " of this region", candidates));
            }
        }
    }

    private static void checkDropletSize(String at, RegionDefinition region, ResourceDefinition droplet,
                                         DigitalOceanListing.Listing listing, List<FieldError> errors) {
        Object size = droplet.spec().get("size");
        if (!(size instanceof String slug) || slug.isBlank()) {
            return;
        }
        List<String> regions = listing.sizeRegions().get(slug);
        if (regions == null) {
            errors.add(new FieldError(at + ".size", slug, "unknown DigitalOcean size",
                    List.copyOf(listing.sizeRegions().keySet())));
        } else if (listing.regions().contains(region.location()) && !regions.contains(region.location())) {
            List<String> inRegion = listing.sizeRegions().entrySet().stream()
                    .filter(e -> e.getValue().contains(region.location())).map(Map.Entry::getKey).toList();
            errors.add(new FieldError(at + ".size", slug, "not offered in " + region.location(), inRegion));
        }
    }

    /** An HTTPS entry needs the certificate to terminate TLS with. */
    private static void checkForwardingRules(String at, ResourceDefinition balancer, List<FieldError> errors) {
        if (!(balancer.spec().get("forwarding_rules") instanceof List<?> rules)) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof Map<?, ?> rule && "https".equalsIgnoreCase(String.valueOf(rule.get("entry_protocol")))
                    && (rule.get("certificate_id") == null || String.valueOf(rule.get("certificate_id")).isBlank())) {
                errors.add(FieldError.of(at + ".forwarding_rules[" + i + "].certificate_id", null,
                        "an https forwarding rule needs the id of the certificate to serve"));
            }
        }
    }
}
