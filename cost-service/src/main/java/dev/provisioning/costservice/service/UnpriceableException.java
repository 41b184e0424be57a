package dev.provisioning.costservice.service;

import dev.provisioning.costservice.PriceStatus;

/** A price key could not be turned into a price; the message is the reason stored with the unpriced resource. */
public abstract class UnpriceableException extends RuntimeException {

    protected UnpriceableException(String message) {
        super(message);
    }

    protected UnpriceableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** How the resource is recorded: which kind of unpriced it is. */
    public abstract PriceStatus status();
}
