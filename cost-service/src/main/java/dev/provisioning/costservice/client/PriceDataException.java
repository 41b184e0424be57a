package dev.provisioning.costservice.client;

/** A provider's price API could not be read: unreachable, timed out, or it answered with an error. */
public class PriceDataException extends RuntimeException {

    public PriceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
