package dev.provisioning.cloudsim.state;

import java.time.Instant;

/**
 * A submitted Route53 change, {@code PENDING} until the configured propagation delay has passed.
 *
 * @param id bare change id such as {@code C0123456789ABC} (the API shows it as {@code /change/<id>})
 */
public record DnsChange(String id, Status status, Instant submittedAt, String comment) {

    /** Route53 change states. */
    public enum Status {
        PENDING, INSYNC
    }

    public DnsChange inSync() {
        return new DnsChange(id, Status.INSYNC, submittedAt, comment);
    }
}
