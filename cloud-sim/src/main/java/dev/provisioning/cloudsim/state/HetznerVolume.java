package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.Map;

/**
 * A simulated Hetzner Cloud volume.
 *
 * @param size   size in GB
 * @param server id of the server it is attached to, or null
 * @param format filesystem it was formatted with ({@code ext4}, {@code xfs}), or null
 */
public record HetznerVolume(long id, String name, long size, String location, Map<String, String> labels, Long server,
                            String format, String status, Instant created) {

    public HetznerVolume {
        labels = Map.copyOf(labels);
    }

    /** The device path Hetzner reports, derived from the id. */
    public String linuxDevice() {
        return "/dev/disk/by-id/scsi-0HC_Volume_" + id;
    }

    HetznerVolume attachedTo(Long serverId) {
        return new HetznerVolume(id, name, size, location, labels, serverId, format, status, created);
    }
}
