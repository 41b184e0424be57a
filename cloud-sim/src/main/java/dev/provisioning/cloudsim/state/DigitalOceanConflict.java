package dev.provisioning.cloudsim.state;

/** A DigitalOcean change the store refused because of what already exists; the message is DigitalOcean's. */
public final class DigitalOceanConflict extends RuntimeException {

    public DigitalOceanConflict(String message) {
        super(message);
    }
}
