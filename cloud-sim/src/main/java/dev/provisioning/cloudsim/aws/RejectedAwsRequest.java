package dev.provisioning.cloudsim.aws;

/** A request an AWS service would refuse, carrying what its XML error response needs. */
public final class RejectedAwsRequest extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean senderFault;

    public RejectedAwsRequest(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.senderFault = status < 500;
    }

    public static RejectedAwsRequest invalidInput(String message) {
        return new RejectedAwsRequest(400, "InvalidInput", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** {@code Sender} for client errors, {@code Receiver} for server errors, as in the error's {@code Type}. */
    public String faultType() {
        return senderFault ? "Sender" : "Receiver";
    }
}
