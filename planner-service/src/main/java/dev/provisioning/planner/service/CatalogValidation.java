package dev.provisioning.planner.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.planner.client.AwsListing;
import dev.provisioning.planner.client.DigitalOceanListing;
import dev.provisioning.planner.client.HetznerListing;
import dev.provisioning.planner.model.FieldError;
import dev.provisioning.planner.model.FieldWarning;
import dev.provisioning.planner.model.InvalidWorkspaceException;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.RegionDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.ResourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed workspace against what each provider offers and its agent handles: resource kinds, required
 * attributes, references between resources, and each provider's own catalog (regions or locations, sizes, server
 * and instance types, load balancer types, images). Deprecated offerings are accepted with a warning.
 */
@ApplicationScoped
public class CatalogValidation {

    private final DigitalOceanListing digitalOcean;
    private final HetznerListing hetzner;
    private final AwsListing aws;

    public CatalogValidation(DigitalOceanListing digitalOcean, HetznerListing hetzner, AwsListing aws) {
        this.digitalOcean = digitalOcean;
        this.hetzner = hetzner;
        this.aws = aws;
    }

    /**
     * Throws {@link InvalidWorkspaceException} with every problem found; otherwise returns what is accepted but
     * worth changing (deprecated server types), once per declaration.
     */
    public List<FieldWarning> check(WorkspaceDefinition workspace) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldWarning> warnings = new ArrayList<>();
        workspace.regions().forEach((regionName, region) ->
                checkRegion("regions." + regionName, region, errors, warnings));
        errors.addAll(DatabaseTopology.check(workspace));
        if (!errors.isEmpty()) {
            // A declaration expanded by count yields the same problem once per copy: report it once.
            throw new InvalidWorkspaceException(errors.stream().distinct().toList());
        }
        return warnings.stream().distinct().toList();
    }

    private void checkRegion(String path, RegionDefinition region, List<FieldError> errors,
                             List<FieldWarning> warnings) {
        Provider provider = Provider.fromId(region.provider());
        DigitalOceanListing.Listing listing = null;
        if (provider == Provider.DIGITALOCEAN && !region.resources().isEmpty()) {
            listing = digitalOcean.listing();
            if (!listing.regions().contains(region.location())) {
                errors.add(new FieldError(path + ".location", region.location(),
                        "not a DigitalOcean region that is available", listing.regions()));
            }
        }
        if (provider == Provider.HETZNER && !region.resources().isEmpty()) {
            checkHetzner(path, region, hetzner.listing(), errors, warnings);
        }
        if (provider == Provider.AWS && !region.resources().isEmpty()) {
            checkAws(path, region, errors);
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

    /**
     * The location, and per resource: a server's type (offered in that location; deprecated types are warned about)
     * and image, a load balancer's type.
     */
    private static void checkHetzner(String path, RegionDefinition region, HetznerListing.Listing listing,
                                     List<FieldError> errors, List<FieldWarning> warnings) {
        String location = region.location();
        boolean knownLocation = listing.locations().contains(location);
        if (!knownLocation) {
            errors.add(new FieldError(path + ".location", location, "not a Hetzner Cloud location",
                    listing.locations()));
        }
        for (ResourceDefinition resource : region.resources()) {
            String at = resource.declaredAt();
            if ("server".equals(resource.kind())) {
                if (resource.spec().get("server_type") instanceof String type && !type.isBlank()) {
                    checkServerType(at + ".server_type", type, location, knownLocation, listing, errors, warnings);
                }
                Object image = resource.spec().get("image");
                if (image != null && !listing.images().contains(String.valueOf(image))) {
                    errors.add(new FieldError(at + ".image", image, "not a Hetzner Cloud image name",
                            listing.images()));
                }
            }
            if ("load-balancer".equals(resource.kind())) {
                Object type = resource.spec().get("load_balancer_type");
                if (type != null && !listing.loadBalancerTypes().contains(String.valueOf(type))) {
                    errors.add(new FieldError(at + ".load_balancer_type", type,
                            "not a Hetzner Cloud load balancer type", listing.loadBalancerTypes()));
                }
            }
        }
    }

    private static void checkServerType(String field, String type, String location, boolean knownLocation,
                                        HetznerListing.Listing listing, List<FieldError> errors,
                                        List<FieldWarning> warnings) {
        List<String> offeredHere = listing.serverTypes().entrySet().stream()
                .filter(e -> !knownLocation || e.getValue().locations().contains(location))
                .map(Map.Entry::getKey).toList();
        HetznerListing.ServerTypeOffer offer = listing.serverTypes().get(type);
        if (offer == null) {
            errors.add(new FieldError(field, type, "not a Hetzner Cloud server type"
                    + (knownLocation ? " offered in " + location : ""), offeredHere));
            return;
        }
        if (knownLocation && !offer.locations().contains(location)) {
            errors.add(new FieldError(field, type, "not offered in " + location, offeredHere));
            return;
        }
        HetznerListing.Deprecation deprecation = offer.deprecation();
        if (deprecation != null) {
            warnings.add(new FieldWarning(field, type, type + " is deprecated since " + day(deprecation.announced())
                    + " (unavailable after " + day(deprecation.unavailableAfter()) + ")"
                    + (deprecation.replacement() == null ? "" : "; " + deprecation.replacement() + " replaces it")));
        }
    }

    private static String day(java.time.Instant instant) {
        return instant == null ? "an unannounced date" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** The region, and in a listed region each instance's type and AMI. */
    private void checkAws(String path, RegionDefinition region, List<FieldError> errors) {
        List<String> regions = aws.regions();
        if (!regions.contains(region.location())) {
            errors.add(new FieldError(path + ".location", region.location(), "not an AWS region", regions));
            return;
        }
        List<ResourceDefinition> instances = region.resources().stream()
                .filter(r -> "ec2-instance".equals(r.kind())).toList();
        if (instances.isEmpty()) {
            return;
        }
        List<String> types = aws.instanceTypes(region.location());
        List<String> imageIds = instances.stream().map(r -> r.spec().get("image_id")).filter(id -> id != null)
                .map(String::valueOf).distinct().toList();
        Set<String> existingImages = imageIds.isEmpty() ? Set.of() : aws.existingImages(region.location(), imageIds);
        for (ResourceDefinition instance : instances) {
            Object type = instance.spec().get("instance_type");
            if (type instanceof String name && !name.isBlank() && !types.contains(name)) {
                errors.add(new FieldError(instance.declaredAt() + ".instance_type", name,
                        "not an EC2 instance type offered in " + region.location(), types));
            }
            Object imageId = instance.spec().get("image_id");
            if (imageId != null && !existingImages.contains(String.valueOf(imageId))) {
                // Public AMIs number in the hundreds of thousands: none are listed as alternatives.
                errors.add(FieldError.of(instance.declaredAt() + ".image_id", imageId,
                        "not an AMI that DescribeImages finds in " + region.location()));
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
                    && blank(rule.get("certificate_id")) && blank(rule.get("certificate_name"))) {
                errors.add(FieldError.of(at + ".forwarding_rules[" + i + "].certificate_id", null,
                        "an https forwarding rule needs the certificate to serve: its certificate_id or certificate_name"));
            }
        }
    }

    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }
}
