package io.shmbench.testutil;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Test-side waiting for a condition another thread or process brings about; always with a deadline. */
public final class Await {
    private Await() {
    }

    /** Waits until {@code condition} holds, yielding between looks; fails after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + timeout + " waiting until " + what);
            }
            Thread.yield();
        }
    }

    /** {@link #until(String, Duration, BooleanSupplier)} with the suite's cross-process timeout. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, ChildJvm.TIMEOUT, condition);
    }
}
