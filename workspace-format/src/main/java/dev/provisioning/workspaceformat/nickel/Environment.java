package dev.provisioning.workspaceformat.nickel;

/** Immutable name bindings: each {@code let}, and each record's own fields, extends its parent. */
final class Environment {

    static final Environment EMPTY = new Environment(null, null, null);

    private final Environment parent;
    private final String name;
    private final Thunk thunk;

    private Environment(Environment parent, String name, Thunk thunk) {
        this.parent = parent;
        this.name = name;
        this.thunk = thunk;
    }

    Environment bind(String boundName, Thunk boundThunk) {
        return new Environment(this, boundName, boundThunk);
    }

    Thunk lookup(String wanted) {
        for (Environment e = this; e != null && e.name != null; e = e.parent) {
            if (e.name.equals(wanted)) {
                return e.thunk;
            }
        }
        return null;
    }
}
