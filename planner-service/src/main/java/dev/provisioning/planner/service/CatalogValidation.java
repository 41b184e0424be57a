package dev.provisioning.planner.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.planner.client.DigitalOceanCatalog;
import dev.provisioning.planner.model.FieldError;
import dev.provisioning.planner.model.InvalidWorkspaceException;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.RegionDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.ResourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a parsed workspace against what each provider offers: resource kinds, regions and sizes. */
@ApplicationScoped
public class CatalogValidation {

    /** The resource kinds each provider's agent handles today. */
    static final Map<Provider, List<String>> SUPPORTED_KINDS = Map.of(
            Provider.DIGITALOCEAN, List.of("droplet"),
            Provider.HETZNER, List.of(),
            Provider.AWS, List.of());

    private final DigitalOceanCatalog digitalOcean;

    public CatalogValidation(DigitalOceanCatalog digitalOcean) {
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
        List<String> kinds = SUPPORTED_KINDS.get(provider);
        DigitalOceanCatalog.Listing listing = null;
        if (provider == Provider.DIGITALOCEAN) {
            listing = digitalOcean.listing();
            if (!listing.regions().contains(region.location())) {
                errors.add(new FieldError(path + ".location", region.location(),
                        "not a DigitalOcean region that is available", listing.regions()));
            }
        }
        for (ResourceDefinition resource : region.resources()) {
            String at = resource.declaredAt();
            if (!kinds.contains(resource.kind())) {
                errors.add(new FieldError(at + ".kind", resource.kind(),
                        "not a resource kind the " + provider.id() + " agent handles", kinds));
                continue;
            }
            if (provider == Provider.DIGITALOCEAN && "droplet".equals(resource.kind())) {
                checkDropletSize(at, region, resource, listing, errors);
            }
        }
    }

    private static void checkDropletSize(String at, RegionDefinition region, ResourceDefinition droplet,
                                         DigitalOceanCatalog.Listing listing, List<FieldError> errors) {
        Object size = droplet.spec().get("size");
        if (!(size instanceof String slug) || slug.isBlank()) {
            errors.add(new FieldError(at + ".size", size, "required: a DigitalOcean size slug",
                    List.copyOf(listing.sizeRegions().keySet())));
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
}
