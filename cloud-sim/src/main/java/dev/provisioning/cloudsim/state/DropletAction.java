package dev.provisioning.cloudsim.state;

import java.time.Instant;

/**
 * A DigitalOcean action (such as {@code create}, {@code power_off} or {@code resize}) tracking an asynchronous change
 * to a droplet.
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

    /** The action as DigitalOcean shows one that failed, e.g. because its droplet was deleted meanwhile. */
    public DropletAction errored(Instant at) {
        return new DropletAction(id, type, "errored", startedAt, at, resourceId, resourceType, regionSlug);
    }
}
