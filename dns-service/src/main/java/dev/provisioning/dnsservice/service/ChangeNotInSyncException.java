package dev.provisioning.dnsservice.service;

import java.time.Duration;

/** Route53 accepted a change but did not report it INSYNC in time. */
public class ChangeNotInSyncException extends RuntimeException {

    private final String changeId;

    public ChangeNotInSyncException(String changeId, Duration waited) {
        super("Route53 change " + changeId + " was not INSYNC after " + waited.toMillis() + " ms");
        this.changeId = changeId;
    }

    public String changeId() {
        return changeId;
    }
}
