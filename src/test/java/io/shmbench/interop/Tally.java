package io.shmbench.interop;

import java.util.Map;

/**
 * What a reader of probe messages ends with, in any language: messages delivered whole, missed
 * (lapped over or caught torn), of which torn, corrupt (delivered but failing CRC or sequence:
 * must never happen) and its position (the next index it expects).
 */
record Tally(long delivered, long missed, long torn, long corrupt, long position) {
    /** A C or Python reader's summary line. */
    static Tally of(Map<String, Long> summary) {
        return new Tally(summary.get("delivered"), summary.get("missed"), summary.get("torn"), summary.get("corrupt"),
                summary.get("position"));
    }

    /** Every message up to the position was delivered or counted missed, exactly once. */
    boolean booksBalance() {
        return delivered + missed == position;
    }
}
