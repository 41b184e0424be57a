package dev.provisioning.cloudsim.state;

/**
 * What DigitalOcean allows a droplet action to do from the droplet's current state, and what the droplet looks like
 * once the action has completed. Refusals carry DigitalOcean's own messages.
 */
final class DropletActionRules {

    private DropletActionRules() {
    }

    /** @throws DigitalOceanConflict when the droplet's state does not allow the action */
    static void check(Droplet droplet, DropletActionRequest request) {
        Droplet.Status status = droplet.status();
        switch (request.type()) {
            case "power_off", "shutdown" -> {
                if (status == Droplet.Status.OFF) {
                    throw new DigitalOceanConflict("Droplet is already powered off.");
                }
            }
            case "power_on" -> {
                if (status == Droplet.Status.ACTIVE) {
                    throw new DigitalOceanConflict("Droplet is already powered on.");
                }
            }
            case "reboot" -> {
                if (status == Droplet.Status.OFF) {
                    throw new DigitalOceanConflict("Droplet is currently off. Please power it on to run this event.");
                }
            }
            case "resize" -> checkResize(droplet, request);
            default -> {
                // power_cycle works from any state: it leaves the droplet running.
            }
        }
    }

    /** The droplet after the action has completed. */
    static Droplet apply(Droplet droplet, DropletActionRequest request) {
        return switch (request.type()) {
            case "power_off", "shutdown" -> droplet.withStatus(Droplet.Status.OFF);
            case "power_on", "reboot", "power_cycle" -> droplet.withStatus(Droplet.Status.ACTIVE);
            case "resize" -> droplet.withSize(request.sizeSlug(),
                    request.resizeDisk() ? request.sizeDiskGb() : droplet.diskGb());
            default -> droplet;
        };
    }

    private static void checkResize(Droplet droplet, DropletActionRequest request) {
        if (droplet.status() != Droplet.Status.OFF) {
            throw new DigitalOceanConflict("Droplet is currently on. Please power it off to run this event.");
        }
        boolean diskGrows = request.resizeDisk() && request.sizeDiskGb() > droplet.diskGb();
        if (request.sizeSlug().equals(droplet.sizeSlug()) && !diskGrows) {
            throw new DigitalOceanConflict("The droplet is already set to this size.");
        }
        // A disk never shrinks: neither a permanent resize nor a CPU-and-RAM one may go to a size with less disk.
        if (request.sizeDiskGb() < droplet.diskGb()) {
            throw new DigitalOceanConflict("Size can not decrease size of Droplet's disk image");
        }
    }
}
