package dev.provisioning.cloudsim.state;

import java.time.Instant;

/**
 * A DigitalOcean action (such as {@code create}) tracking an asynchronous change to a droplet.
 *
 * @param status      {@code in-progress}, {@code completed} or {@code errored}
 * @param completedAt null while in progress
 */
public record DropletAction(
        int id,
        String type,
        String status,
        Instant startedAt,
        Instant completedAt,
        int resourceId,
        String resourceType,
        String regionSlug) {

    public DropletAction completed(Instant at) {
        return new DropletAction(id, type, "completed", startedAt, at, resourceId, resourceType, regionSlug);
    }
}
