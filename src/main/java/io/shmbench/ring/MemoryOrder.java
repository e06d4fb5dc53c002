package io.shmbench.ring;

/**
 * How the ring publishes and observes its sequence words and indices, mapped to {@code VarHandle}
 * access modes. Payload bytes are always plain accesses; the order decides whether the payload is
 * guaranteed visible when the sequence says it is.
 */
public enum MemoryOrder {
    /** Plain loads and stores, no fences. Incorrect by design: the JIT may hoist a load out of a spin loop. */
    PLAIN,
    /** Opaque (C relaxed): coherent and never hoisted, but no ordering with the payload. */
    OPAQUE,
    /** Release stores and acquire loads (C11 release/acquire); the default. */
    RELEASE_ACQUIRE,
    /** Volatile (C seq_cst) loads and stores. */
    VOLATILE,
    /** Plain loads and stores with explicit {@code VarHandle} release/acquire fences around them. */
    FENCED;

    /** Whether the order guarantees that a reader never sees a stale or torn payload. */
    public boolean isSafe() {
        return this == RELEASE_ACQUIRE || this == VOLATILE || this == FENCED;
    }
}
