package dev.provisioning.workspaceformat.nickel;

import java.math.BigDecimal;
import java.util.List;

/** An evaluated Nickel value; records and arrays keep their contents lazy, as Nickel does. */
sealed interface Value permits Value.NumberValue, Value.StringValue, Value.BoolValue, Value.NullValue,
        Value.ArrayValue, RecordValue, Value.TypeContractValue, Value.ArrayContractValue,
        Value.DictionaryContractValue {

    /** Where the expression that produced this value was written. */
    SourcePosition position();

    String typeName();

    record NumberValue(BigDecimal value, SourcePosition position) implements Value {
        public String typeName() {
            return "Number";
        }
    }

    record StringValue(String value, SourcePosition position) implements Value {
        public String typeName() {
            return "String";
        }
    }

    record BoolValue(boolean value, SourcePosition position) implements Value {
        public String typeName() {
            return "Bool";
        }
    }

    record NullValue(SourcePosition position) implements Value {
        public String typeName() {
            return "null";
        }
    }

    record ArrayValue(List<Thunk> items, SourcePosition position) implements Value {
        public String typeName() {
            return "Array";
        }
    }

    /** {@code String}, {@code Number}, {@code Bool} or {@code Dyn} used as a contract. */
    record TypeContractValue(String type, SourcePosition position) implements Value {
        public String typeName() {
            return "contract";
        }
    }

    record ArrayContractValue(Thunk element, String elementLabel, SourcePosition position) implements Value {
        public String typeName() {
            return "contract";
        }
    }

    record DictionaryContractValue(Thunk element, String elementLabel, SourcePosition position) implements Value {
        public String typeName() {
            return "contract";
        }
    }
}
