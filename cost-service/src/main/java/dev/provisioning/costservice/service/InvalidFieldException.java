package dev.provisioning.costservice.service;

/** A request field holds a value that cannot be used; says which field, what was wrong and what is allowed. */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final Object value;
    private final String allowed;

    public InvalidFieldException(String field, Object value, String problem, String allowed) {
        super(field + ": " + problem);
        this.field = field;
        this.value = value;
        this.allowed = allowed;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
