package dev.provisioning.agent.warmup;

import java.util.List;

/**
 * One agent's provider warm-up: builds its SDK clients and makes one cheap read each, so that class loading,
 * client construction and the first request's marshalling happen right after start instead of in the first
 * command. An agent provides it as a bean; {@link WarmUpOnStart} runs it once, in the background.
 */
public interface ProviderWarmUp {

    /**
     * Builds the clients and makes the reads, once, without retrying.
     *
     * @return what was warmed, for the log line, e.g. {@code EC2, ELBv2, RDS in us-east-1}
     * @throws Exception when the provider cannot be reached or refuses; the warm-up then ends there
     */
    String warmUp() throws Exception;

    /** Values that must never appear in the log line of a failed warm-up (API tokens, keys). */
    default List<String> secrets() {
        return List.of();
    }
}
