package dev.provisioning.workspaceformat.nickel;

import java.math.BigDecimal;
import java.util.List;

/** The syntax tree of the Nickel subset: every node remembers where it was written. */
sealed interface Expr {

    SourcePosition position();

    record NumberLiteral(BigDecimal value, SourcePosition position) implements Expr {
    }

    /** Literal text ({@link String}) and interpolated expressions ({@link Expr}), in order. */
    record StringLiteral(List<Object> parts, SourcePosition position) implements Expr {
    }

    record BoolLiteral(boolean value, SourcePosition position) implements Expr {
    }

    record NullLiteral(SourcePosition position) implements Expr {
    }

    record Variable(String name, SourcePosition position) implements Expr {
    }

    record ArrayLiteral(List<Expr> items, SourcePosition position) implements Expr {
    }

    /** {@code open} is the trailing {@code ..}: as a contract, the record then accepts fields it does not list. */
    record RecordLiteral(List<FieldDefinition> fields, boolean open, SourcePosition position) implements Expr {
    }

    /** One field; a dotted path {@code a.b = v} has already become {@code a = { b = v }}. Value null: none given. */
    record FieldDefinition(String name, Expr value, Annotations annotations, SourcePosition position) {
    }

    /** What follows {@code |} (or {@code :}) on a field or binding. */
    record Annotations(List<Contract> contracts, double priority, boolean optional) {

        static final double DEFAULT = Double.NEGATIVE_INFINITY;
        static final double NORMAL = 0;
        static final double FORCE = Double.POSITIVE_INFINITY;

        static Annotations none() {
            return new Annotations(List.of(), NORMAL, false);
        }
    }

    /** A contract as written, with its source text for error messages. */
    record Contract(Expr expr, String label) {
    }

    record Let(String name, Annotations annotations, Expr bound, Expr body, SourcePosition position) implements Expr {
    }

    record Import(String path, SourcePosition position) implements Expr {
    }

    record FieldAccess(Expr target, String field, SourcePosition position) implements Expr {
    }

    record Annotated(Expr value, List<Contract> contracts, SourcePosition position) implements Expr {
    }

    record IfThenElse(Expr condition, Expr whenTrue, Expr whenFalse, SourcePosition position) implements Expr {
    }

    record Binary(String operator, Expr left, Expr right, SourcePosition position) implements Expr {
    }

    record Unary(String operator, Expr operand, SourcePosition position) implements Expr {
    }

    /** The built-in type contracts {@code String}, {@code Number}, {@code Bool}, {@code Dyn}. */
    record TypeContract(String type, SourcePosition position) implements Expr {
    }

    record ArrayContract(Contract element, SourcePosition position) implements Expr {
    }

    /** {@code { _ : C }}: a record whose every field satisfies C. */
    record DictionaryContract(Contract element, SourcePosition position) implements Expr {
    }
}
