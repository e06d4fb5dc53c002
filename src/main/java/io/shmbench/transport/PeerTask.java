package io.shmbench.transport;

/**
 * A role and its parameters, as the peer receives them on its command line.
 *
 * @param role          what the peer does
 * @param messages      SINK: messages to expect before reporting (0: until the channel closes);
 *                      SOURCE: messages to send; ECHO: ignored
 * @param messageSize   SOURCE: bytes per message, at least {@link SourceStamp#SIZE}
 * @param ratePerSecond SOURCE: intended messages per second (0: as fast as the channel takes them)
 */
public record PeerTask(PeerRole role, long messages, int messageSize, long ratePerSecond) {
    public PeerTask {
        if (role == null) {
            throw new IllegalArgumentException("role must be given");
        }
        if (messages < 0 || ratePerSecond < 0) {
            throw new IllegalArgumentException("messages and rate must be >= 0, were " + messages + " and " + ratePerSecond);
        }
        if (role == PeerRole.SOURCE && messageSize < SourceStamp.SIZE) {
            throw new IllegalArgumentException("a source's messages carry a " + SourceStamp.SIZE
                    + "-byte stamp (intended send time, sequence); message size " + messageSize + " is too small");
        }
    }

    public static PeerTask echo() {
        return new PeerTask(PeerRole.ECHO, 0, 0, 0);
    }

    public static PeerTask sink(long messages) {
        return new PeerTask(PeerRole.SINK, messages, 0, 0);
    }

    public static PeerTask source(long messages, int messageSize, long ratePerSecond) {
        return new PeerTask(PeerRole.SOURCE, messages, messageSize, ratePerSecond);
    }
}
