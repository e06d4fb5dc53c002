package io.shmbench.bench;

/**
 * What the peer process of a ring benchmark ({@link RingBenchPeer}) does with its two rings: it
 * reads the to-peer ring and writes the from-peer ring.
 */
enum RingPeerRole {
    /** Copies each message, unchanged and in full, from the to-peer ring into the from-peer ring. */
    ECHO,
    /**
     * Checks every message ({@link io.shmbench.message.CheckedMessage}) and counts it; an empty message asks for a
     * {@link SinkTally} of everything checked so far, sent back on the from-peer ring.
     */
    SINK,
    /**
     * Writes paced messages into an (OVERWRITE) from-peer ring: for each {@link PacedRun} command
     * read from the to-peer ring, that many stamped messages at that period.
     */
    PACED_WRITER;

    /** The role for a command-line word ({@code echo}, {@code sink}, {@code paced-writer}). */
    static RingPeerRole parse(String word) {
        for (RingPeerRole role : values()) {
            if (role.word().equalsIgnoreCase(word)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown ring peer role '" + word + "'; valid: echo, sink, paced-writer");
    }

    String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
