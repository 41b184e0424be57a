package dev.provisioning.cloudsim.fault;

import java.util.ArrayList;
import java.util.ListIterator;
import java.util.List;
import java.util.Optional;

/** Faults waiting to be served, consumed one matching request at a time in the order they were added. */
public final class FaultInjector {

    private final List<Fault> armed = new ArrayList<>();

    public synchronized void add(Fault fault) {
        armed.add(fault);
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Faults still armed, each with the number of requests it will still fail. */
    public synchronized List<Fault> active() {
        return List.copyOf(armed);
    }

    /** Takes one use of the first fault matching the request, if any. */
    public synchronized Optional<Fault> take(String provider, String family, String method, String path) {
        for (ListIterator<Fault> it = armed.listIterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.matches(provider, family, method, path)) {
                int remaining = fault.count() - 1;
                if (remaining == 0) {
                    it.remove();
                } else {
                    it.set(fault.withCount(remaining));
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
