package dev.provisioning.costservice.client;

/** DigitalOcean's API could not be read: unreachable, timed out, or it answered with an error. */
public class DigitalOceanUnavailableException extends RuntimeException {

    public DigitalOceanUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
