package dev.provisioning.dbreplication.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
