package io.shmbench.report;

import java.util.List;
import java.util.Optional;

/**
 * What the design reasoning in docs/THEORY.md ("Expectations drawn on the figures") expects a run to
 * show, in one place: the figures draw these as labelled expectation lines and marks, beside what
 * was measured. They are orders of magnitude from back-of-the-envelope reasoning, not targets; a
 * result far from one is a finding about the machine (or the reasoning), not a failure. The third
 * expectation, the OVERWRITE loss the sizing rule predicts, is {@link io.shmbench.ring.SizingRule}'s,
 * which the ring's own users (the scenario command) share.
 */
public final class Expectations {
    /** Where the expectations are explained, for captions. */
    public static final String SOURCE = "docs/THEORY.md";

    /**
     * A mechanism's rough one-way latency for a small message, and the transports that use it.
     * A round trip is two of them.
     */
    public record Mechanism(String name, double oneWayNs, List<String> transports) {
        public double roundTripNs() {
            return 2 * oneWayNs;
        }
    }

    public static final List<Mechanism> MECHANISMS = List.of(
            new Mechanism("pipe", 10_000, List.of("pipe", "fifo")),
            new Mechanism("socket", 5_000, List.of("uds", "tcp")),
            new Mechanism("message queue", 3_000, List.of("mq")),
            new Mechanism("shared memory", 100, List.of("shm-ring", "shm-ring-c", "agrona", "chronicle-queue", "chronicle-style",
                    "floor")));

    /** The message size of the one-sided estimates below. */
    public static final int SIDE_ALONE_BYTES = 2048;
    /** Writing a 2048-byte message into the ring with nobody reading: slot, header, copy, release, sequence. */
    public static final double RING_WRITE_NS = 130;
    /** Reading it back: the same steps in reverse. */
    public static final double RING_READ_NS = 120;

    private Expectations() {
    }

    /** The mechanism a transport uses; empty for a transport the reasoning does not cover. */
    public static Optional<Mechanism> mechanismOf(String transport) {
        return MECHANISMS.stream().filter(m -> m.transports().contains(transport)).findFirst();
    }
}
