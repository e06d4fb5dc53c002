package io.shmbench.bench.peer;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.CheckedMessage;
import io.shmbench.payload.PlainDoubleBuffer;
import io.shmbench.process.PeerCommand;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingWriter;
import io.shmbench.shm.SharedSegment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * Q7's writer: writes snapshots 1, 2, 3, ... ({@link CheckedMessage}s) one every {@code --period-nanos}
 * (busy-waiting between them; a writer that fell behind carries on from now instead of bursting),
 * into an OVERWRITE ring as its writer ({@code --ring}) or into the plain double buffer
 * ({@code --double-buffer}), until it is stopped or killed.
 */
@Command(name = "FaultWriterPeer", description = "Q7 peer: writes stamped snapshots at a fixed period")
public final class FaultWriterPeer extends PeerCommand {
    /** Exactly one target. */
    static final class Target {
        @Option(names = "--ring", required = true, description = "an OVERWRITE ring to write as its writer")
        Path ring;
        @Option(names = "--double-buffer", required = true, description = "a segment holding a PlainDoubleBuffer")
        Path doubleBuffer;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;
    @Option(names = "--bytes", required = true, description = "snapshot size, at least 16")
    int bytes;
    @Option(names = "--period-nanos", required = true, description = "time between two snapshots")
    long periodNanos;

    public static void main(String[] args) {
        run(new FaultWriterPeer(), args);
    }

    @Override
    protected void work() {
        CheckedMessage.checkLength(bytes);
        if (periodNanos < 0) {
            throw new IllegalArgumentException("--period-nanos must be >= 0, was " + periodNanos);
        }
        if (target.ring != null) {
            try (Ring ring = Ring.attach(target.ring)) {
                writeRing(ring.openWriter(WaitStrategy.SPIN));
            }
        } else {
            try (SharedSegment segment = SharedSegment.attach(target.doubleBuffer)) {
                writeDoubleBuffer(new PlainDoubleBuffer(segment.memory(), bytes));
            }
        }
    }

    private void writeRing(RingWriter writer) {
        if (writer.maxPayload() < bytes) {
            throw new IllegalArgumentException("the ring's slots hold " + writer.maxPayload() + " bytes, not " + bytes);
        }
        long next = System.nanoTime();
        while (true) {
            MemorySegment slot = writer.tryClaim(); // OVERWRITE: never null
            CheckedMessage.write(slot, writer.position() + 1, 0, bytes);
            writer.commit(bytes);
            next = waitFor(next + periodNanos);
        }
    }

    private void writeDoubleBuffer(PlainDoubleBuffer buffer) {
        long next = System.nanoTime();
        for (long sequence = 1; ; sequence++) {
            CheckedMessage.write(buffer.back(), sequence, 0, bytes);
            buffer.publish();
            next = waitFor(next + periodNanos);
        }
    }

    /** Spins until {@code deadline}; returns the time the next period starts from. */
    private long waitFor(long deadline) {
        long now;
        while ((now = System.nanoTime()) - deadline < 0) {
            Thread.onSpinWait();
        }
        return now - deadline > periodNanos ? now : deadline; // held up for more than a period: start afresh
    }
}
