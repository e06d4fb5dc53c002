package io.shmbench.transport;

/** What a {@link PeerMain} does with its end of the channel. */
public enum PeerRole {
    /** Returns each message unchanged until the parent closes the channel. */
    ECHO,
    /**
     * Consumes messages, counting them and checksumming their bytes ({@link io.shmbench.message.MessageChecksum});
     * after the expected count it sends back one {@link SinkReport} message.
     */
    SINK,
    /**
     * Streams messages at a given rate; each carries its sequence number and its intended send time
     * ({@link System#nanoTime()}, comparable across processes on one host), sent as
     * {@link io.shmbench.message.StampedStream} says.
     */
    SOURCE;

    /** The role's command-line word: {@code echo}, {@code sink} or {@code source}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** "echo and sink", for messages. */
    public static String words(java.util.Collection<PeerRole> roles) {
        return roles.stream().map(PeerRole::word).collect(java.util.stream.Collectors.joining(" and "));
    }

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
