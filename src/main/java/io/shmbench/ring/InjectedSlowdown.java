package io.shmbench.ring;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A test-only slowdown of the ring, to check that the regression gate catches a real regression
 * (README.md, "Gating a run against a baseline"): with the environment variable
 * {@value #VARIABLE}{@code =N} the writer does N steps of extra work before it publishes each
 * message, as a slower ring would. Off (0) by default.
 *
 * <p>A step is one link of a chain of dependent multiply-xor-shifts, about 1.1 ns here, so the
 * slowdown grows in small, even steps and scales with the CPU's speed as the ring's own code does
 * ({@link Thread#onSpinWait()} was tried first: one PAUSE a message added about 10% to a round trip
 * here and two about 40%, too coarse to aim at 25%). Not a multiply-add: with the step count a
 * constant, C2 unrolls the loop and folds a chain of affine steps into one (45 steps cost 3 ns).
 *
 * <p>An environment variable, not a system property, because it reaches every process of a run
 * (the JMH forks and the peer JVMs they start) without any of them passing it on. It is read once
 * into a static final: when it is 0 the JIT drops the check, and the ring runs the code it always
 * ran.
 */
final class InjectedSlowdown {
    static final String VARIABLE = "SHMBENCH_TEST_RING_SLOWDOWN_STEPS";
    private static final int STEPS = steps(System.getenv(VARIABLE));
    /** Where the chain's result goes, so the JIT cannot drop the work; a race on it is harmless. */
    private static int sink;

    private InjectedSlowdown() {
    }

    static int steps(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(VARIABLE + "='" + value + "' is not a whole number of steps", e);
        }
    }

    /**
     * The configured steps of work; nothing when off. The chain starts from the first payload byte
     * of the slot about to be published: work independent of the message would run while the CPU
     * still waits for the message's cache lines and hide in that wait, as the first version did.
     */
    static void apply(MemorySegment memory, long slotOffset) {
        if (STEPS == 0) {
            return;
        }
        int x = sink ^ memory.get(ValueLayout.JAVA_BYTE, slotOffset + RingLayout.SLOT_HEADER_SIZE);
        for (int i = 0; i < STEPS; i++) {
            x = x * 0x9E37_79B9 ^ (x >>> 16);
        }
        sink = x;
    }
}
