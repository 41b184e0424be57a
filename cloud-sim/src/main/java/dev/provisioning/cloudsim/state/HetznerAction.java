package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;

/**
 * A Hetzner Cloud action: {@code running} with progress 0 until the work is done, then {@code success} at 100.
 *
 * @param command   what the action does, e.g. {@code create_server}
 * @param resources the objects it concerns
 */
public record HetznerAction(long id, String command, String status, int progress, Instant started, Instant finished,
                            List<Resource> resources) {

    /** An object an action concerns, e.g. {@code {"id": 42, "type": "server"}}. */
    public record Resource(long id, String type) {
    }

    public HetznerAction {
        resources = List.copyOf(resources);
    }

    public boolean concerns(long resourceId, String type) {
        return resources.stream().anyMatch(r -> r.id() == resourceId && r.type().equals(type));
    }

    HetznerAction succeeded(Instant at) {
        return new HetznerAction(id, command, "success", 100, started, at, resources);
    }
}
