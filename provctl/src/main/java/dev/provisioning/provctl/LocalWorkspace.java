package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.workspaceformat.WorkspaceFormatException;
import dev.provisioning.workspaceformat.WorkspaceReader;
import java.nio.file.Path;

/** A workspace read from disk into the planner's model; problems end the command with exit code 2. */
record LocalWorkspace(String name, ObjectNode model, Path file, String evaluatedWith) {

    static LocalWorkspace read(Path path) {
        WorkspaceReader reader = new WorkspaceReader();
        try {
            ObjectNode model = reader.read(path);
            Path file = WorkspaceReader.resolveFile(path);
            return new LocalWorkspace(model.get("name").asText(), model, file,
                    file.toString().endsWith(".ncl") ? reader.nickelDescription() : null);
        } catch (WorkspaceFormatException e) {
            throw new CliFailure(CliFailure.INVALID, "The workspace " + path + " is not valid:\n  "
                    + String.join("\n  ", e.problems()));
        }
    }

    String json() {
        return model.toString();
    }

    int regionCount() {
        return model.path("regions").size();
    }

    int resourceCount() {
        int count = 0;
        for (var region : model.path("regions")) {
            for (var resource : region.path("resources")) {
                count += resource.path("count").asInt(1);
            }
        }
        return count;
    }
}
