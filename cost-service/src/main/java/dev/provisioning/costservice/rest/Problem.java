package dev.provisioning.costservice.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 7807 problem detail; {@code field}, {@code value} and {@code allowed} say what to change for a 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      Object value, String allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
