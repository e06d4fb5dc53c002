package io.shmbench.testutil;

import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;

/** A ring a test creates and is sure to remove: {@code close} unmaps it and unlinks its file. */
public final class TempRing implements AutoCloseable {
    private final Ring ring;

    private TempRing(Ring ring) {
        this.ring = ring;
    }

    public static TempRing create(RingConfig config) {
        return new TempRing(Ring.create(config));
    }

    public Ring ring() {
        return ring;
    }

    @Override
    public void close() {
        try {
            ring.close();
        } finally {
            ring.unlink();
        }
    }
}
