package dev.provisioning.cloudsim.state;

/** A change an AWS store refused, with the AWS error code the API answers with (HTTP 400 unless said otherwise). */
public final class AwsRejection extends RuntimeException {

    private final String code;
    private final int status;

    public AwsRejection(String code, String message) {
        this(400, code, message);
    }

    public AwsRejection(int status, String code, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
