package dev.provisioning.planner.client;

/** A provider's catalog could not be read, so a workspace cannot be validated against it right now. */
public class CatalogUnavailableException extends RuntimeException {

    private final String provider;

    public CatalogUnavailableException(String provider, String message, Throwable cause) {
        super("the " + provider + " catalog could not be read: " + message, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
