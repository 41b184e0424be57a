package dev.provisioning.workspaceformat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.provisioning.workspaceformat.nickel.BuiltinNickel;
import dev.provisioning.workspaceformat.nickel.NickelEvaluation;
import dev.provisioning.workspaceformat.nickel.NickelException;
import dev.provisioning.workspaceformat.nickel.NickelExecutable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a workspace (a directory, {@code workspace.ncl} with its {@code config.toml}, or a {@code .json} /
 * {@code .yaml} file) into the planner's JSON workspace model. This is the entry point for callers.
 */
public final class WorkspaceReader {

    /** The file names a workspace directory may hold; exactly one of them. */
    public static final List<String> WORKSPACE_FILES =
            List.of("workspace.ncl", "workspace.json", "workspace.yaml", "workspace.yml");

    private final NickelEvaluation nickel;
    private final ObjectMapper json = new ObjectMapper();

    /** Uses {@code nickel} from PATH when there is one, the built-in evaluator otherwise. */
    public WorkspaceReader() {
        this(NickelExecutable.onPath().<NickelEvaluation>map(n -> n).orElseGet(BuiltinNickel::new));
    }

    public WorkspaceReader(NickelEvaluation nickel) {
        this.nickel = nickel;
    }

    /** How Nickel files are evaluated by this reader. */
    public String nickelDescription() {
        return nickel.description();
    }

    /**
     * The workspace at {@code path} as the planner's model: {@code {name, dns, regions, budget?}}. The name is the
     * workspace's own ({@code name} field, config.toml {@code [workspace] name}) or else its folder's name.
     *
     * @throws WorkspaceFormatException listing every problem with its file and line/column or path
     */
    public ObjectNode read(Path path) {
        Path file = resolveFile(path);
        String fileName = file.getFileName().toString();
        ObjectNode model;
        if (fileName.endsWith(".ncl")) {
            model = readNickel(file);
        } else if (fileName.endsWith(".json")) {
            model = readTree(file, json);
        } else if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
            model = readTree(file, new YAMLMapper());
        } else {
            throw new WorkspaceFormatException(file + ": not a workspace file (expected .ncl, .json, .yaml or .yml)");
        }
        // Canonical node types (int vs long, double), so the same workspace in any format compares equal.
        return (ObjectNode) json.valueToTree(json.convertValue(model, Object.class));
    }

    /** The workspace file a path denotes: the path itself, or the one workspace file in a directory. */
    public static Path resolveFile(Path path) {
        if (!Files.exists(path)) {
            throw new WorkspaceFormatException(path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return path;
        }
        List<Path> candidates = WORKSPACE_FILES.stream().map(path::resolve).filter(Files::isRegularFile).toList();
        if (candidates.isEmpty()) {
            throw new WorkspaceFormatException(path + ": no workspace file (expected one of "
                    + String.join(", ", WORKSPACE_FILES) + ")");
        }
        if (candidates.size() > 1) {
            throw new WorkspaceFormatException(path + ": more than one workspace file ("
                    + String.join(", ", candidates.stream().map(p -> p.getFileName().toString()).toList())
                    + "); name the file to use");
        }
        return candidates.get(0);
    }

    private ObjectNode readNickel(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        WorkspaceConfig config = WorkspaceConfig.read(absolute.resolveSibling(WorkspaceConfig.FILE_NAME));
        JsonNode evaluated;
        try {
            evaluated = nickel.export(absolute);
        } catch (NickelException e) {
            throw new WorkspaceFormatException(e.getMessage());
        }
        String folder = absolute.getParent().getFileName().toString();
        return new NickelWorkspaceMapper(absolute.getFileName().toString()).toModel(evaluated, config, folder);
    }

    private static ObjectNode readTree(Path file, ObjectMapper mapper) {
        String fileName = file.getFileName().toString();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new WorkspaceFormatException(fileName + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WorkspaceFormatException(fileName + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new WorkspaceFormatException(fileName + ": the workspace must be an object with dns and regions");
        }
        ObjectNode model = (ObjectNode) root;
        if (!model.hasNonNull("name")) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            ObjectNode named = model.objectNode();
            named.put("name", folder.getFileName().toString());
            named.setAll(model);
            return named;
        }
        return model;
    }
}
