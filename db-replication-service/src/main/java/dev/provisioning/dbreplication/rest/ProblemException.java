package dev.provisioning.dbreplication.rest;

/** A request that cannot be answered, carrying what the problem+json response should say. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(404, type, "Not Found", detail);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad Request", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
