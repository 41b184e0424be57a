package dev.provisioning.workspaceformat.nickel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.workspaceformat.nickel.Expr.Annotations;
import dev.provisioning.workspaceformat.nickel.Expr.Contract;
import dev.provisioning.workspaceformat.nickel.RecordValue.ContractAnnotation;
import dev.provisioning.workspaceformat.nickel.RecordValue.Field;
import dev.provisioning.workspaceformat.nickel.RecordValue.FieldBody;
import dev.provisioning.workspaceformat.nickel.Value.ArrayContractValue;
import dev.provisioning.workspaceformat.nickel.Value.ArrayValue;
import dev.provisioning.workspaceformat.nickel.Value.BoolValue;
import dev.provisioning.workspaceformat.nickel.Value.DictionaryContractValue;
import dev.provisioning.workspaceformat.nickel.Value.NullValue;
import dev.provisioning.workspaceformat.nickel.Value.NumberValue;
import dev.provisioning.workspaceformat.nickel.Value.StringValue;
import dev.provisioning.workspaceformat.nickel.Value.TypeContractValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the Nickel subset workspaces use (records, field paths, merge, let, import, contracts, defaults, arrays,
 * interpolated strings, numbers, booleans) without the nickel executable, with Nickel's semantics for that subset.
 */
public final class BuiltinNickel implements NickelEvaluation {

    @Override
    public JsonNode export(Path file) {
        return new Run(file.toAbsolutePath().normalize()).export();
    }

    /** Evaluates source text as if it were the file {@code file} (imports resolve next to it). */
    public JsonNode exportSource(String source, Path file) {
        Run run = new Run(file.toAbsolutePath().normalize());
        return run.exportSource(source);
    }

    @Override
    public String description() {
        return "the built-in Nickel evaluator";
    }

    /** One evaluation: its import cache and the files being imported, for cycle detection. */
    private static final class Run {

        private final Path mainFile;
        private final Path baseDirectory;
        private final Map<Path, Value> imported = new HashMap<>();
        private final Deque<Path> importing = new ArrayDeque<>();
        private final Map<String, Path> filesByDisplayName = new HashMap<>();

        Run(Path mainFile) {
            this.mainFile = mainFile;
            this.baseDirectory = mainFile.getParent();
        }

        JsonNode export() {
            Value value = evaluateFile(mainFile, null);
            return toJson(value, "");
        }

        JsonNode exportSource(String source) {
            String display = displayName(mainFile);
            Expr expr = NickelParser.parse(source, display);
            importing.push(mainFile);
            Value value = eval(expr, Environment.EMPTY);
            importing.pop();
            return toJson(value, "");
        }

        private Value evaluateFile(Path file, SourcePosition importedAt) {
            Value cached = imported.get(file);
            if (cached != null) {
                return cached;
            }
            if (importing.contains(file)) {
                throw new NickelException(importedAt, "import cycle: " + displayName(file) + " imports itself");
            }
            String source;
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new NickelException(importedAt, "cannot read " + displayName(file) + ": "
                        + (Files.exists(file) ? e.getMessage() : "no such file"));
            }
            Expr expr = NickelParser.parse(source, displayName(file));
            importing.push(file);
            try {
                Value value = eval(expr, Environment.EMPTY);
                imported.put(file, value);
                return value;
            } finally {
                importing.pop();
            }
        }

        private String displayName(Path file) {
            String name;
            try {
                name = baseDirectory.relativize(file).toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                name = file.toString();
            }
            filesByDisplayName.put(name, file);
            return name;
        }

        private Value eval(Expr expr, Environment env) {
            if (expr instanceof Expr.NumberLiteral n) {
                return new NumberValue(n.value(), n.position());
            } else if (expr instanceof Expr.StringLiteral s) {
                return evalString(s, env);
            } else if (expr instanceof Expr.BoolLiteral b) {
                return new BoolValue(b.value(), b.position());
            } else if (expr instanceof Expr.NullLiteral n) {
                return new NullValue(n.position());
            } else if (expr instanceof Expr.Variable v) {
                return lookup(v, env);
            } else if (expr instanceof Expr.ArrayLiteral a) {
                List<Thunk> items = new ArrayList<>();
                for (Expr item : a.items()) {
                    items.add(new Thunk(() -> eval(item, env), item.position()));
                }
                return new ArrayValue(items, a.position());
            } else if (expr instanceof Expr.RecordLiteral r) {
                return evalRecord(r, env);
            } else if (expr instanceof Expr.Let let) {
                Thunk bound = new Thunk(() -> applyAll(let.annotations().contracts(), eval(let.bound(), env), env,
                        let.name()), let.bound().position());
                return eval(let.body(), env.bind(let.name(), bound));
            } else if (expr instanceof Expr.Import i) {
                return evalImport(i);
            } else if (expr instanceof Expr.FieldAccess access) {
                Value target = eval(access.target(), env);
                if (!(target instanceof RecordValue record)) {
                    throw new NickelException(access.position(), "cannot read field '" + access.field()
                            + "' of a " + target.typeName() + " (only records have fields)");
                }
                return field(record, access.field(), access.position(), access.field());
            } else if (expr instanceof Expr.Annotated annotated) {
                return applyAll(annotated.contracts(), eval(annotated.value(), env), env, "the annotated value");
            } else if (expr instanceof Expr.IfThenElse branch) {
                Value condition = eval(branch.condition(), env);
                if (!(condition instanceof BoolValue bool)) {
                    throw new NickelException(branch.condition().position(), "the condition of 'if' must be a Bool, got a "
                            + condition.typeName());
                }
                return eval(bool.value() ? branch.whenTrue() : branch.whenFalse(), env);
            } else if (expr instanceof Expr.Binary binary) {
                return evalBinary(binary, env);
            } else if (expr instanceof Expr.Unary unary) {
                Value operand = eval(unary.operand(), env);
                if (unary.operator().equals("-") && operand instanceof NumberValue number) {
                    return new NumberValue(number.value().negate(), unary.position());
                }
                if (unary.operator().equals("!") && operand instanceof BoolValue bool) {
                    return new BoolValue(!bool.value(), unary.position());
                }
                throw new NickelException(unary.position(), "'" + unary.operator() + "' cannot apply to a "
                        + operand.typeName());
            } else if (expr instanceof Expr.TypeContract type) {
                return new TypeContractValue(type.type(), type.position());
            } else if (expr instanceof Expr.ArrayContract array) {
                Contract element = array.element();
                return new ArrayContractValue(new Thunk(() -> eval(element.expr(), env), element.expr().position()),
                        element.label(), array.position());
            } else if (expr instanceof Expr.DictionaryContract dictionary) {
                Contract element = dictionary.element();
                return new DictionaryContractValue(new Thunk(() -> eval(element.expr(), env),
                        element.expr().position()), element.label(), dictionary.position());
            }
            throw new IllegalStateException("unhandled expression " + expr);
        }

        private Value lookup(Expr.Variable variable, Environment env) {
            Thunk thunk = env.lookup(variable.name());
            if (thunk != null) {
                return thunk.force();
            }
            if (variable.name().equals("std")) {
                throw NickelException.outsideSubset(variable.position(), "the standard library (std)");
            }
            throw new NickelException(variable.position(), "unbound identifier '" + variable.name() + "'");
        }

        private Value evalString(Expr.StringLiteral literal, Environment env) {
            StringBuilder text = new StringBuilder();
            for (Object part : literal.parts()) {
                if (part instanceof String chunk) {
                    text.append(chunk);
                } else {
                    Expr inner = (Expr) part;
                    Value value = eval(inner, env);
                    if (!(value instanceof StringValue string)) {
                        throw new NickelException(inner.position(), "only strings can be interpolated, this is a "
                                + value.typeName());
                    }
                    text.append(string.value());
                }
            }
            return new StringValue(text.toString(), literal.position());
        }

        private Value evalImport(Expr.Import i) {
            if (!i.path().endsWith(".ncl")) {
                throw NickelException.outsideSubset(i.position(), "importing a non-Nickel file (" + i.path() + ")");
            }
            Path importer = filesByDisplayName.getOrDefault(i.position().file(), mainFile);
            Path target = importer.getParent().resolve(i.path()).normalize();
            return evaluateFile(target, i.position());
        }

        private RecordValue evalRecord(Expr.RecordLiteral literal, Environment env) {
            List<String> siblings = literal.fields().stream().map(Expr.FieldDefinition::name).distinct().toList();
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Expr.FieldDefinition definition : literal.fields()) {
                Field field = fieldOf(definition, env, siblings);
                Field earlier = fields.get(definition.name());
                fields.put(definition.name(), earlier == null ? field : mergeFields(definition.name(), earlier, field));
            }
            return new RecordValue(fields, literal.open(), literal.position());
        }

        private Field fieldOf(Expr.FieldDefinition definition, Environment env, List<String> siblings) {
            Annotations annotations = definition.annotations();
            FieldBody body = null;
            if (definition.value() != null) {
                Expr value = definition.value();
                body = self -> eval(value, withSiblings(env, siblings, self));
            }
            List<ContractAnnotation> contracts = new ArrayList<>();
            for (Contract contract : annotations.contracts()) {
                contracts.add(new ContractAnnotation() {
                    @Override
                    public Value resolve(RecordValue self) {
                        return eval(contract.expr(), withSiblings(env, siblings, self));
                    }

                    @Override
                    public String label() {
                        return contract.label();
                    }
                });
            }
            return new Field(body, annotations.priority(), contracts, annotations.optional(), definition.position());
        }

        private Environment withSiblings(Environment env, List<String> siblings, RecordValue self) {
            Environment result = env;
            for (String sibling : siblings) {
                Field field = self.fields.get(sibling);
                SourcePosition at = field == null ? self.position() : field.position();
                result = result.bind(sibling, new Thunk(() -> field(self, sibling, at, sibling), at));
            }
            return result;
        }

        /** Reads a field, applying its contracts; the value is cached in the record it was read from. */
        private Value field(RecordValue record, String name, SourcePosition accessedAt, String path) {
            Value cached = record.forced.get(name);
            if (cached != null) {
                return cached;
            }
            Field field = record.fields.get(name);
            if (field == null) {
                throw new NickelException(accessedAt, "no field '" + name + "' in this record (it has: "
                        + String.join(", ", record.sortedNames()) + ")");
            }
            if (field.body() == null) {
                throw new NickelException(record.position(), "field '" + path + "' has no value"
                        + (field.optional() ? " (it is optional)" : "") + "; it is declared at " + field.position());
            }
            if (!record.forcing.add(name)) {
                throw new NickelException(field.position(), "infinite recursion: field '" + name + "' depends on itself");
            }
            try {
                Value value = field.body().evaluate(record);
                for (ContractAnnotation contract : field.contracts()) {
                    value = apply(contract.resolve(record), value, contract.label(), path);
                }
                record.forced.put(name, value);
                return value;
            } finally {
                record.forcing.remove(name);
            }
        }

        private Value applyAll(List<Contract> contracts, Value value, Environment env, String what) {
            Value result = value;
            for (Contract contract : contracts) {
                result = apply(eval(contract.expr(), env), result, contract.label(), what);
            }
            return result;
        }

        /** Applies a contract to a value: checks primitives, wraps arrays and dictionaries, merges record contracts. */
        private Value apply(Value contract, Value value, String label, String path) {
            if (contract instanceof TypeContractValue type) {
                boolean ok = switch (type.type()) {
                    case "String" -> value instanceof StringValue;
                    case "Number" -> value instanceof NumberValue;
                    case "Bool" -> value instanceof BoolValue;
                    default -> true;
                };
                if (!ok) {
                    throw broken(label, value, path, "expected a " + type.type());
                }
                return value;
            }
            if (contract instanceof ArrayContractValue array) {
                if (!(value instanceof ArrayValue items)) {
                    throw broken(label, value, path, "expected an Array");
                }
                List<Thunk> checked = new ArrayList<>();
                for (int i = 0; i < items.items().size(); i++) {
                    Thunk item = items.items().get(i);
                    String itemPath = path + "[" + i + "]";
                    checked.add(new Thunk(() -> apply(array.element().force(), item.force(), array.elementLabel(),
                            itemPath), items.position()));
                }
                return new ArrayValue(checked, items.position());
            }
            if (contract instanceof DictionaryContractValue dictionary) {
                if (!(value instanceof RecordValue record)) {
                    throw broken(label, value, path, "expected a record");
                }
                Map<String, Field> fields = new LinkedHashMap<>();
                ContractAnnotation element = new ContractAnnotation() {
                    @Override
                    public Value resolve(RecordValue self) {
                        return dictionary.element().force();
                    }

                    @Override
                    public String label() {
                        return dictionary.elementLabel();
                    }
                };
                record.fields.forEach((name, field) -> {
                    List<ContractAnnotation> contracts = new ArrayList<>(field.contracts());
                    contracts.add(element);
                    fields.put(name, new Field(field.body(), field.priority(), contracts, field.optional(),
                            field.position()));
                });
                return new RecordValue(fields, record.open, record.position());
            }
            if (contract instanceof RecordValue schema) {
                if (!(value instanceof RecordValue record)) {
                    throw broken(label, value, path, "expected a record");
                }
                if (!schema.open) {
                    for (Map.Entry<String, Field> entry : record.fields.entrySet()) {
                        if (!schema.fields.containsKey(entry.getKey())) {
                            throw new NickelException(entry.getValue().position(), "contract '" + label
                                    + "' does not allow field '" + entry.getKey() + "'"
                                    + (path.isEmpty() ? "" : " in '" + path + "'") + " (it allows: "
                                    + String.join(", ", schema.sortedNames()) + ")");
                        }
                    }
                }
                return mergeRecords(schema, record, record.position());
            }
            throw new NickelException(contract.position(), "'" + label + "' is a " + contract.typeName()
                    + ", not a contract");
        }

        private NickelException broken(String label, Value value, String path, String expectation) {
            return new NickelException(value.position(), "contract '" + label + "' broken"
                    + (path.isEmpty() ? "" : " by '" + path + "'") + ": " + expectation + ", got " + describe(value));
        }

        private Value evalBinary(Expr.Binary binary, Environment env) {
            String operator = binary.operator();
            if (operator.equals("&&") || operator.equals("||")) {
                boolean left = bool(eval(binary.left(), env), operator);
                if (operator.equals("&&") ? !left : left) {
                    return new BoolValue(left, binary.position());
                }
                return new BoolValue(bool(eval(binary.right(), env), operator), binary.position());
            }
            Value left = eval(binary.left(), env);
            Value right = eval(binary.right(), env);
            switch (operator) {
                case "&":
                    return merge(left, right, binary.position());
                case "++":
                    if (left instanceof StringValue a && right instanceof StringValue b) {
                        return new StringValue(a.value() + b.value(), binary.position());
                    }
                    break;
                case "@":
                    if (left instanceof ArrayValue a && right instanceof ArrayValue b) {
                        List<Thunk> items = new ArrayList<>(a.items());
                        items.addAll(b.items());
                        return new ArrayValue(items, binary.position());
                    }
                    break;
                case "==":
                    return new BoolValue(toJson(left, "").equals(toJson(right, "")), binary.position());
                case "!=":
                    return new BoolValue(!toJson(left, "").equals(toJson(right, "")), binary.position());
                default:
                    if (left instanceof NumberValue a && right instanceof NumberValue b) {
                        return arithmetic(operator, a.value(), b.value(), binary.position());
                    }
            }
            throw new NickelException(binary.position(), "'" + operator + "' cannot combine a " + left.typeName()
                    + " and a " + right.typeName());
        }

        private static Value arithmetic(String operator, BigDecimal a, BigDecimal b, SourcePosition at) {
            return switch (operator) {
                case "+" -> new NumberValue(a.add(b), at);
                case "-" -> new NumberValue(a.subtract(b), at);
                case "*" -> new NumberValue(a.multiply(b), at);
                case "/" -> {
                    if (b.signum() == 0) {
                        throw new NickelException(at, "division by zero");
                    }
                    yield new NumberValue(a.divide(b, MathContext.DECIMAL128), at);
                }
                case "<" -> new BoolValue(a.compareTo(b) < 0, at);
                case "<=" -> new BoolValue(a.compareTo(b) <= 0, at);
                case ">" -> new BoolValue(a.compareTo(b) > 0, at);
                default -> new BoolValue(a.compareTo(b) >= 0, at);
            };
        }

        private static boolean bool(Value value, String operator) {
            if (value instanceof BoolValue bool) {
                return bool.value();
            }
            throw new NickelException(value.position(), "'" + operator + "' needs Bool operands, got a "
                    + value.typeName());
        }

        /** Nickel's {@code &}: records merge field by field; other values only when they are equal. */
        private Value merge(Value left, Value right, SourcePosition at) {
            if (left instanceof RecordValue a && right instanceof RecordValue b) {
                return mergeRecords(a, b, b.position());
            }
            if (samePrimitive(left, right)) {
                return right;
            }
            throw new NickelException(at, "cannot merge " + describe(left) + " (" + left.position() + ") with "
                    + describe(right) + " (" + right.position() + "): both define a value with the same priority;"
                    + " mark one '| default' or merge records instead");
        }

        private RecordValue mergeRecords(RecordValue left, RecordValue right, SourcePosition at) {
            Map<String, Field> fields = new LinkedHashMap<>(left.fields);
            right.fields.forEach((name, field) -> fields.merge(name, field, (a, b) -> mergeFields(name, a, b)));
            return new RecordValue(fields, left.open || right.open, at);
        }

        private Field mergeFields(String name, Field left, Field right) {
            List<ContractAnnotation> contracts = new ArrayList<>(left.contracts());
            for (ContractAnnotation contract : right.contracts()) {
                if (!contracts.contains(contract)) {
                    contracts.add(contract);
                }
            }
            boolean optional = left.optional() && right.optional();
            FieldBody body;
            double priority;
            if (left.body() == null || right.body() == null) {
                body = left.body() == null ? right.body() : left.body();
                priority = left.body() == null ? right.priority() : left.priority();
            } else if (left.priority() != right.priority()) {
                boolean rightWins = right.priority() > left.priority();
                body = rightWins ? right.body() : left.body();
                priority = Math.max(left.priority(), right.priority());
            } else {
                FieldBody a = left.body();
                FieldBody b = right.body();
                SourcePosition at = right.position();
                body = self -> merge(a.evaluate(self), b.evaluate(self), at);
                priority = left.priority();
            }
            return new Field(body, priority, contracts, optional, right.position());
        }

        private static boolean samePrimitive(Value a, Value b) {
            if (a instanceof StringValue x && b instanceof StringValue y) {
                return x.value().equals(y.value());
            }
            if (a instanceof NumberValue x && b instanceof NumberValue y) {
                return x.value().compareTo(y.value()) == 0;
            }
            if (a instanceof BoolValue x && b instanceof BoolValue y) {
                return x.value() == y.value();
            }
            return a instanceof NullValue && b instanceof NullValue;
        }

        private static String describe(Value value) {
            if (value instanceof StringValue s) {
                return "the String \"" + s.value() + "\"";
            }
            if (value instanceof NumberValue n) {
                return "the Number " + n.value().stripTrailingZeros().toPlainString();
            }
            if (value instanceof BoolValue b) {
                return "the Bool " + b.value();
            }
            return "a " + value.typeName();
        }

        /** Forces everything and converts to JSON as {@code nickel export} does: record fields sorted by name. */
        private JsonNode toJson(Value value, String path) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            if (value instanceof StringValue s) {
                return json.textNode(s.value());
            }
            if (value instanceof NumberValue n) {
                BigDecimal number = n.value().stripTrailingZeros();
                if (number.scale() <= 0) {
                    try {
                        long whole = number.longValueExact();
                        return whole == (int) whole ? json.numberNode((int) whole) : json.numberNode(whole);
                    } catch (ArithmeticException tooLarge) {
                        return json.numberNode(number.toBigIntegerExact());
                    }
                }
                return json.numberNode(number.doubleValue());
            }
            if (value instanceof BoolValue b) {
                return json.booleanNode(b.value());
            }
            if (value instanceof NullValue) {
                return json.nullNode();
            }
            if (value instanceof ArrayValue array) {
                ArrayNode result = json.arrayNode();
                for (int i = 0; i < array.items().size(); i++) {
                    result.add(toJson(array.items().get(i).force(), path + "[" + i + "]"));
                }
                return result;
            }
            if (value instanceof RecordValue record) {
                ObjectNode result = json.objectNode();
                for (String name : record.sortedNames()) {
                    Field field = record.fields.get(name);
                    String fieldPath = path.isEmpty() ? name : path + "." + name;
                    if (field.body() == null && field.optional()) {
                        continue;
                    }
                    result.set(name, toJson(field(record, name, record.position(), fieldPath), fieldPath));
                }
                return result;
            }
            throw new NickelException(value.position(), "a contract cannot be exported"
                    + (path.isEmpty() ? "" : " (at '" + path + "')"));
        }
    }
}
