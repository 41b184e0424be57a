package dev.provisioning.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A workspace declaration read from disk: a JSON file, or a folder holding {@code workspace.json}.
 * Its name is the file's {@code name} field if set, else the folder's name.
 */
record WorkspaceFile(Path file, String name, String json) {

    static final String DEFAULT_FILE_NAME = "workspace.json";

    static WorkspaceFile read(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(DEFAULT_FILE_NAME) : fileOrDir;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no workspace at " + fileOrDir + (Files.isDirectory(fileOrDir)
                    ? " (a workspace folder must hold " + DEFAULT_FILE_NAME + ")" : ""));
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode root;
        try {
            root = JsonHttp.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode declaredName = root == null ? null : root.get("name");
        Path folder = file.toAbsolutePath().normalize().getParent();
        String name = declaredName != null && declaredName.isTextual() && !declaredName.asText().isBlank()
                ? declaredName.asText()
                : folder.getFileName().toString();
        return new WorkspaceFile(file, name, json);
    }
}
