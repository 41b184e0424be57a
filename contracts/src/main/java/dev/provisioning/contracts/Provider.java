package dev.provisioning.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The cloud providers the control plane drives, each with its own command topic and agent. */
public enum Provider {
    DIGITALOCEAN("digitalocean"),
    HETZNER("hetzner"),
    AWS("aws");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Provider fromId(String id) {
        for (Provider p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + id + "'; allowed: "
                + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", ")));
    }
}
