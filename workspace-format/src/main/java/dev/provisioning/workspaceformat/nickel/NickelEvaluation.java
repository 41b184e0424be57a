package dev.provisioning.workspaceformat.nickel;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Evaluates a Nickel file to the JSON that {@code nickel export --format json} prints. */
public interface NickelEvaluation {

    JsonNode export(Path file);

    /** How this evaluation runs, for messages: the built-in subset or the nickel executable. */
    String description();
}
