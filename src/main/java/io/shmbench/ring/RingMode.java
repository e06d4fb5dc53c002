package io.shmbench.ring;

/** What the writer does when the ring is full. */
public enum RingMode {
    /** Lossless SPSC queue: the writer waits for the reader (back-pressure). */
    BLOCKING,
    /**
     * Latest wins (the telemetry channel the ring was designed for, docs/THEORY.md): the writer never waits and overwrites the oldest
     * slot; the reader counts every gap by sequence number and never delivers a torn slot.
     */
    OVERWRITE
}
