package dev.provisioning.planner.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A stored workspace as the declaring request is answered: the definition's own fields, plus {@code warnings} when
 * there are any (left out otherwise, so the answer is then exactly the definition).
 */
public record DeclaredWorkspace(@JsonUnwrapped WorkspaceDefinition definition,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldWarning> warnings) {
}
