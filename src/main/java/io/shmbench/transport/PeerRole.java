package io.shmbench.transport;

/** What a {@link PeerMain} does with its end of the channel. */
public enum PeerRole {
    /** Returns each message unchanged until the parent closes the channel. */
    ECHO,
    /**
     * Consumes messages, counting them and checksumming their bytes ({@link MessageChecksum});
     * after the expected count it sends back one {@link SinkReport} message.
     */
    SINK,
    /**
     * Streams messages at a given rate; each carries its intended send time
     * ({@link System#nanoTime()}, comparable across processes on one host) and its sequence number,
     * laid out by {@link SourceStamp}.
     */
    SOURCE;

    /** The role for a command-line word ({@code echo}, {@code sink}, {@code source}). */
    public static PeerRole parse(String word) {
        for (PeerRole role : values()) {
            if (role.name().equalsIgnoreCase(word)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown peer role '" + word + "'; valid: echo, sink, source");
    }
}
