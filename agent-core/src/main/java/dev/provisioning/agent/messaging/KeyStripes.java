package dev.provisioning.agent.messaging;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fair locks striped by message key: commands for one resource address always take the same lock, so they run one
 * after another in the order they asked for it, while commands for other addresses run side by side (two addresses
 * sharing a stripe merely wait for each other).
 */
final class KeyStripes {

    private final Lock[] stripes;

    KeyStripes(int count) {
        stripes = new Lock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    /** The lock of a key; records without a key share one. */
    Lock of(String key) {
        int hash = key == null ? 0 : key.hashCode();
        return stripes[Math.floorMod(hash ^ (hash >>> 16), stripes.length)];
    }
}
