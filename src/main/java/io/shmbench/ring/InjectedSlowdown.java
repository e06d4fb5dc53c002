package io.shmbench.ring;

/**
 * A test-only slowdown of the ring, to check that the regression gate catches a real regression
 * (README.md, "Gating a run against a baseline"): with the environment variable
 * {@value #VARIABLE}{@code =N} the writer does N steps of extra work before it publishes each
 * message, as a slower ring would. Off (0) by default.
 *
 * <p>A step is one link of a chain of dependent multiply-adds, about 1 ns here whatever the host
 * state, so the slowdown grows in small, even steps and scales with the CPU's speed as the ring's
 * own code does ({@link Thread#onSpinWait()} was tried first: its PAUSE took 10 to 40 ns a call in
 * the ring, too coarse and too uneven to aim at a 25% slowdown).
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

    /** The configured steps of work; nothing when off. */
    static void apply() {
        if (STEPS == 0) {
            return;
        }
        int x = sink;
        for (int i = 0; i < STEPS; i++) {
            x = x * 1_103_515_245 + 12_345;
        }
        sink = x;
    }
}
