package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.message.CheckedMessage;

/**
 * A role and its parameters, as the peer receives them on its command line.
 *
 * @param role          what the peer does
 * @param messages      SINK: messages to expect before reporting (0: until the channel closes);
 *                      SOURCE: messages to send; ECHO: ignored
 * @param messageSize   SOURCE: bytes per message, at least {@link CheckedMessage#MIN_LENGTH}
 * @param ratePerSecond SOURCE: intended messages per second (0: as fast as the channel takes them)
 * @param floorPrime    ECHO: the series messages echoed before the same-pair floor's schedule
 *                      ({@link SamePairFloor}), or {@link #NO_FLOOR} for an echo without a floor
 */
public record PeerTask(PeerRole role, long messages, int messageSize, long ratePerSecond, int floorPrime) {
    /** {@link #floorPrime()} of a task without a same-pair floor. */
    public static final int NO_FLOOR = -1;

    public PeerTask {
        if (role == null) {
            throw new IllegalArgumentException("role must be given");
        }
        if (messages < 0 || ratePerSecond < 0) {
            throw new IllegalArgumentException("messages and rate must be >= 0, were " + messages + " and " + ratePerSecond);
        }
        if (floorPrime != NO_FLOOR && (role != PeerRole.ECHO || floorPrime < 0)) {
            throw new IllegalArgumentException("only an echo takes turns with a same-pair floor, after >= 0 priming messages; not "
                    + role + " after " + floorPrime);
        }
        if (role == PeerRole.SOURCE && messageSize < CheckedMessage.MIN_LENGTH) {
            throw new IllegalArgumentException("a source's messages carry a " + CheckedMessage.MIN_LENGTH
                    + "-byte stamp (sequence, intended send time); message size " + messageSize + " is too small");
        }
    }

    /**
     * Refuses, before any process starts, a task the channel cannot carry: a sink reports in a
     * {@link SinkReport#SIZE}-byte message, a source sends {@code messageSize} bytes.
     */
    public void checkFits(String transport, ChannelConfig config) {
        if (role == PeerRole.SINK && config.maxMessageSize() < SinkReport.SIZE) {
            throw new MessageTooLargeException(transport + ": a sink reports in a " + SinkReport.SIZE
                    + "-byte message; a channel of at most " + config.maxMessageSize() + " bytes cannot carry it");
        }
        if (pairsFloor() && config.maxMessageSize() < FloorSchedule.SIZE) {
            throw new MessageTooLargeException(transport + ": the same-pair floor's schedule is a " + FloorSchedule.SIZE
                    + "-byte message; a channel of at most " + config.maxMessageSize() + " bytes cannot carry it");
        }
        if (role == PeerRole.SOURCE && messageSize > config.maxMessageSize()) {
            throw new MessageTooLargeException(transport + ": source messages of " + messageSize
                    + " bytes exceed the channel's largest message, " + config.maxMessageSize() + " bytes");
        }
    }

    /** True for an echo that takes turns with a same-pair floor. */
    public boolean pairsFloor() {
        return floorPrime != NO_FLOOR;
    }

    public static PeerTask echo() {
        return new PeerTask(PeerRole.ECHO, 0, 0, 0, NO_FLOOR);
    }

    /** An echo that takes turns with a same-pair floor after {@code primeMessages} plain echoes ({@link SamePairFloor}). */
    public static PeerTask echoWithFloor(int primeMessages) {
        return new PeerTask(PeerRole.ECHO, 0, 0, 0, primeMessages);
    }

    public static PeerTask sink(long messages) {
        return new PeerTask(PeerRole.SINK, messages, 0, 0, NO_FLOOR);
    }

    public static PeerTask source(long messages, int messageSize, long ratePerSecond) {
        return new PeerTask(PeerRole.SOURCE, messages, messageSize, ratePerSecond, NO_FLOOR);
    }
}
