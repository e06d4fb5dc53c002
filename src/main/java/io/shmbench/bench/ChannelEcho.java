package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.message.AlternatingMessages;
import io.shmbench.transport.Channel;
import io.shmbench.transport.FloorSchedule;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Round trips through an echo peer over one channel, each echo compared byte for byte with what was
 * sent ({@link AlternatingMessages}) and counted in the trial's {@link TrialOutcome}: the series Q1's
 * {@link TransportEcho} and Q6's {@link PlacedEcho} measure, and pair with a same-pair floor.
 */
final class ChannelEcho implements PairedFloor.Series {
    private final Channel channel;
    private final AlternatingMessages messages;
    private final int size;
    private final MemorySegment in;
    private final MemorySegment schedule;
    private final TrialOutcome outcome;
    private long sequence;

    /** Sends {@code size}-byte messages over {@code channel}, whose largest is {@code channelBytes}; buffers from {@code arena}. */
    ChannelEcho(Channel channel, Arena arena, int size, int channelBytes, TrialOutcome outcome) {
        this.channel = channel;
        this.messages = new AlternatingMessages(arena, size);
        this.size = size;
        this.in = arena.allocate(Math.max(1, channelBytes), 64);
        this.schedule = arena.allocate(FloorSchedule.SIZE, 8);
        this.outcome = outcome;
    }

    /** One round trip of the next message, its echo checked; returns its nanoseconds (the check is not timed). */
    @Override
    public long roundTrip() {
        MemorySegment out = messages.next(sequence++);
        long start = System.nanoTime();
        channel.send(out, size);
        int length = channel.receive(in);
        long nanos = System.nanoTime() - start;
        outcome.checked(messages.echoes(out, in, length));
        return nanos;
    }

    @Override
    public void exchange(FloorSchedule floorSchedule) {
        floorSchedule.write(schedule);
        channel.send(schedule, FloorSchedule.SIZE);
        int length = channel.receive(in);
        if (length != FloorSchedule.SIZE || MemorySegment.mismatch(in, 0, length, schedule, 0, FloorSchedule.SIZE) != -1) {
            throw new ChannelException(channel.transport() + ": the peer echoed the floor schedule wrong (" + length + " bytes)");
        }
    }
}
