package dev.provisioning.contracts.messages;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import java.time.Instant;
import java.util.Map;

/**
 * Event from an agent: a command could not be carried out.
 *
 * @param errorCode the provider's error code or a classification such as {@code timeout}
 * @param retryable whether the agent gave up on a retryable error (after {@code attempts}) or hit a permanent one
 */
public record ResourceFailed(String rolloutId, ResourceAddress address, Provider provider, String errorCode,
                             String message, boolean retryable, int attempts, Map<String, String> context,
                             Instant failedAt) implements ProvisioningMessage {

    public ResourceFailed {
        Require.present(address, "address");
        Require.present(provider, "provider");
        Require.text(errorCode, "errorCode");
        Require.present(message, "message");
        Require.present(failedAt, "failedAt");
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    @Override
    public String key() {
        return address.toString();
    }
}
