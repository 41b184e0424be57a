package dev.provisioning.deploy.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.workspaceformat.WorkspaceFormatException;
import dev.provisioning.workspaceformat.WorkspaceReader;
import java.nio.file.Path;

/**
 * A workspace declaration read from disk in any of its forms ({@code workspace.ncl} with {@code config.toml}, JSON or
 * YAML; a file or a folder holding one), as the JSON model the planner accepts. Its name is the workspace's own
 * if it sets one, else the folder's name.
 */
record WorkspaceFile(Path file, String name, String json) {

    static WorkspaceFile read(Path fileOrDir) {
        try {
            ObjectNode model = new WorkspaceReader().read(fileOrDir);
            Path file = WorkspaceReader.resolveFile(fileOrDir);
            String name = model.path("name").asText("");
            if (name.isBlank()) {
                name = file.toAbsolutePath().normalize().getParent().getFileName().toString();
            }
            return new WorkspaceFile(file, name, model.toString());
        } catch (WorkspaceFormatException e) {
            throw new IllegalArgumentException("cannot read the workspace at " + fileOrDir + ":\n" + e.getMessage(), e);
        }
    }
}
