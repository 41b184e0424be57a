package dev.provisioning.planner.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What Hetzner Cloud offers: locations, server types (where each is offered, and any deprecation), LB types, images. */
public interface HetznerListing {

    /** A deprecation notice: since when, until when the type can still be created, and its successor if one is listed. */
    record Deprecation(Instant announced, Instant unavailableAfter, String replacement) {
    }

    /** A server type: the locations it is offered in, and its deprecation (null while it is current). */
    record ServerTypeOffer(List<String> locations, Deprecation deprecation) {
    }

    /** Everything read at one time; server types by name. */
    record Listing(List<String> locations, Map<String, ServerTypeOffer> serverTypes, List<String> loadBalancerTypes,
                   List<String> images, Instant readAt) {
    }

    Listing listing();
}
