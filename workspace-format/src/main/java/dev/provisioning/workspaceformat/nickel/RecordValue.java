package dev.provisioning.workspaceformat.nickel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Nickel record. Field bodies are evaluated against the record they end up in ({@code self}), so after a merge a
 * field that refers to a sibling sees the merged sibling: Nickel's recursive records with late binding.
 */
final class RecordValue implements Value {

    /** Computes a field's value given the record it is read from. */
    interface FieldBody {
        Value evaluate(RecordValue self);
    }

    /** A contract annotation; resolving may refer to the record's own fields. */
    interface ContractAnnotation {
        Value resolve(RecordValue self);

        String label();
    }

    /** One field: its body (null when only declared), priority, contracts, and where it was written. */
    record Field(FieldBody body, double priority, List<ContractAnnotation> contracts, boolean optional,
                 SourcePosition position) {
    }

    final Map<String, Field> fields;
    final boolean open;
    private final SourcePosition position;
    final Map<String, Value> forced = new HashMap<>();
    final Set<String> forcing = new HashSet<>();

    RecordValue(Map<String, Field> fields, boolean open, SourcePosition position) {
        this.fields = new LinkedHashMap<>(fields);
        this.open = open;
        this.position = position;
    }

    @Override
    public SourcePosition position() {
        return position;
    }

    @Override
    public String typeName() {
        return "Record";
    }

    List<String> sortedNames() {
        List<String> names = new ArrayList<>(fields.keySet());
        names.sort(null);
        return names;
    }
}
