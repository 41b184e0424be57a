package dev.provisioning.contracts.cloudevents;

/** A Kafka record that is not a valid provisioning CloudEvent: it belongs on the dead-letter topic. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
