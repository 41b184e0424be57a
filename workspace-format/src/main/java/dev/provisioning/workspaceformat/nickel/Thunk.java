package dev.provisioning.workspaceformat.nickel;

import java.util.function.Supplier;

/** A value computed at most once, on first use; re-entering it while it computes is an infinite recursion. */
final class Thunk {

    private Supplier<Value> computation;
    private final SourcePosition position;
    private Value value;
    private boolean computing;

    Thunk(Supplier<Value> computation, SourcePosition position) {
        this.computation = computation;
        this.position = position;
    }

    static Thunk of(Value value) {
        Thunk thunk = new Thunk(null, value.position());
        thunk.value = value;
        return thunk;
    }

    Value force() {
        if (value != null) {
            return value;
        }
        if (computing) {
            throw new NickelException(position, "infinite recursion: this value depends on itself");
        }
        computing = true;
        try {
            value = computation.get();
            computation = null;
            return value;
        } finally {
            computing = false;
        }
    }
}
