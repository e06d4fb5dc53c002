package io.shmbench.bench;

import io.shmbench.message.CheckedMessage;
import io.shmbench.payload.PlainDoubleBuffer;
import io.shmbench.shm.SharedSegment;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * {@link Q7Faults#slowReaderDoubleBuffer}'s scenario: one writer for the whole run on the plain
 * double buffer ({@link PlainDoubleBuffer}), read by the {@link SlowReader}, which takes every new
 * snapshot it is handed; only its own check of every word can tell a torn one.
 */
@State(Scope.Thread)
public class SlowReaderOnDoubleBuffer extends FaultScenario {
    SharedSegment segment;
    PlainDoubleBuffer buffer;

    @Override
    void open() {
        try {
            segment = SharedSegment.create("doublebuffer", PlainDoubleBuffer.segmentSize(Q7Faults.SNAPSHOT_BYTES));
            buffer = new PlainDoubleBuffer(segment.memory(), Q7Faults.SNAPSHOT_BYTES);
            startWriter(List.of("--double-buffer", segment.path().toString()),
                    () -> CheckedMessage.sequence(buffer.front()) > 0);
        } finally {
            if (segment != null) {
                segment.unlink();
            }
        }
    }

    /** One trial: reads each new snapshot for the window and records how many were torn. */
    void readWindow() {
        if (outcome.stopped()) {
            return;
        }
        long reads = 0;
        long torn = 0;
        long lastSequence = -1;
        SlowReader window = new SlowReader(outcome);
        while (window.reading()) {
            MemorySegment front = buffer.front();
            long sequence = CheckedMessage.sequence(front);
            if (sequence == lastSequence) { // nothing new yet: wait, as the ring's reader does
                if (window.idle()) {
                    continue;
                }
                return;
            }
            window.progress();
            lastSequence = sequence;
            reads++;
            if (!SlowReader.read(front, Q7Faults.SNAPSHOT_BYTES, SlowReader.PAUSE)) {
                torn++;
            }
        }
        record(Q7Faults.DOUBLE_BUFFER, "snapshots_read_count", reads);
        record(Q7Faults.DOUBLE_BUFFER, "delivered_count", reads);
        record(Q7Faults.DOUBLE_BUFFER, "torn_delivered_count", torn);
    }

    @TearDown(Level.Trial)
    public void stop() {
        Resources.closeAll(peer, segment, pin);
    }
}
