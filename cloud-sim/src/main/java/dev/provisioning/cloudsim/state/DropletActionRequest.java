package dev.provisioning.cloudsim.state;

import java.util.List;
import java.util.Objects;

/**
 * A droplet action a client asked for, already checked against the catalog; {@link DropletStore#startAction} checks
 * it against the droplet's state.
 *
 * @param type       DigitalOcean's action type, one of {@link #TYPES}
 * @param sizeSlug   for {@code resize}: the size to resize to; null for the other types
 * @param sizeDiskGb for {@code resize}: the disk of that size
 * @param resizeDisk for {@code resize}: whether the disk grows to the new size's (permanent) or stays as it is
 */
public record DropletActionRequest(String type, String sizeSlug, int sizeDiskGb, boolean resizeDisk) {

    /** The action types the simulator carries out. */
    public static final List<String> TYPES =
            List.of("power_off", "power_on", "shutdown", "reboot", "power_cycle", "resize");

    public DropletActionRequest {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not an emulated droplet action: " + type);
        }
        if (type.equals("resize") != (sizeSlug != null)) {
            throw new IllegalArgumentException("a resize needs a size, and only a resize takes one");
        }
    }

    /** Any action but {@code resize}. */
    public static DropletActionRequest of(String type) {
        return new DropletActionRequest(type, null, 0, false);
    }

    public static DropletActionRequest resize(String sizeSlug, int sizeDiskGb, boolean resizeDisk) {
        return new DropletActionRequest("resize", sizeSlug, sizeDiskGb, resizeDisk);
    }
}
