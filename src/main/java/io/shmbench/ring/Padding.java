package io.shmbench.ring;

/** Where the read index sits relative to the write index; see {@link RingLayout#readIndexOffset}. */
public enum Padding {
    /** Both indices in one 64-byte line: every update by one side invalidates the other's copy. */
    PACKED,
    /** Indices on separate 64-byte lines. */
    PAD_64,
    /** Indices 128 bytes apart, beyond the adjacent-line prefetcher's pair. */
    PAD_128
}
