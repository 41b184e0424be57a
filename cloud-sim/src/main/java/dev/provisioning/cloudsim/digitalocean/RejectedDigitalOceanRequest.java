package dev.provisioning.cloudsim.digitalocean;

/** A request DigitalOcean would refuse, carrying the status and error id of its JSON error body. */
public final class RejectedDigitalOceanRequest extends RuntimeException {

    private final int status;
    private final String errorId;

    public RejectedDigitalOceanRequest(int status, String errorId, String message) {
        super(message);
        this.status = status;
        this.errorId = errorId;
    }

    public static RejectedDigitalOceanRequest notFound() {
        return new RejectedDigitalOceanRequest(404, "not_found", "The resource you were accessing could not be found.");
    }

    public static RejectedDigitalOceanRequest unprocessable(String message) {
        return new RejectedDigitalOceanRequest(422, "unprocessable_entity", message);
    }

    public static RejectedDigitalOceanRequest badRequest(String message) {
        return new RejectedDigitalOceanRequest(400, "bad_request", message);
    }

    public int status() {
        return status;
    }

    public String errorId() {
        return errorId;
    }
}
