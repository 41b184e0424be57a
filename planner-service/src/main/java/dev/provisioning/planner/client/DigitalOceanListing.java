package dev.provisioning.planner.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What DigitalOcean offers: its available regions, and per size slug the regions that size is offered in. */
public interface DigitalOceanListing {

    /** The regions, and the sizes by slug with the region slugs each is available in, as read at one time. */
    record Listing(List<String> regions, Map<String, List<String>> sizeRegions, Instant readAt) {
    }

    Listing listing();
}
