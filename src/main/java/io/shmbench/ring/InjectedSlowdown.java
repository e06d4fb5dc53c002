package io.shmbench.ring;

/**
 * A test-only slowdown of the ring, to check that the regression gate catches a real regression
 * (README.md, "Gating a run against a baseline"): with the environment variable
 * {@value #VARIABLE}{@code =N} every message the writer publishes first spins N times
 * ({@link Thread#onSpinWait()}), as a slower ring would. Off (0) by default.
 *
 * <p>An environment variable, not a system property, because it reaches every process of a run
 * (the JMH forks and the peer JVMs they start) without any of them passing it on. It is read once
 * into a static final: when it is 0 the JIT drops the check, and the ring runs the code it always
 * ran.
 */
final class InjectedSlowdown {
    static final String VARIABLE = "SHMBENCH_TEST_RING_SLOWDOWN_SPINS";
    private static final int SPINS = spins(System.getenv(VARIABLE));

    private InjectedSlowdown() {
    }

    static int spins(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(VARIABLE + "='" + value + "' is not a whole number of spins", e);
        }
    }

    /** Spins the configured number of times; nothing when off. */
    static void apply() {
        for (int i = 0; i < SPINS; i++) {
            Thread.onSpinWait();
        }
    }
}
