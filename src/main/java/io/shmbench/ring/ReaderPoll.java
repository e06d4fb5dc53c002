package io.shmbench.ring;

/** What the reader watches to learn that a message is there. */
public enum ReaderPoll {
    /**
     * The slot's own sequence word: the sequence and a small payload share one cache line, so the
     * common case moves one line per message.
     */
    SLOT_SEQUENCE,
    /**
     * The shared write index (the classic design, docs/THEORY.md): the index line moves as well as the slot's. In
     * OVERWRITE mode the reader still checks the slot's sequence word after the index says a message
     * is there, because only the sequence word tells a lapped or torn slot.
     */
    WRITE_INDEX
}
