package io.shmbench.bench;

import io.shmbench.message.CheckedMessage;
import io.shmbench.ring.LapPolicy;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * {@link Q7Faults#slowReaderSeqlock}'s scenario: one writer for the whole run on an OVERWRITE ring,
 * read by the {@link SlowReader}, which asks the slot's seqlock after each snapshot whether it
 * changed meanwhile. Its two parameters belong to this benchmark only (declared on this state).
 */
@State(Scope.Thread)
public class SlowReaderOnRing extends FaultScenario {
    /** 4: the sizing rule (ceil(write rate / read rate) = 2, plus a margin of 2); 2: the double buffer's memory. */
    @Param({"4", "2"})
    public int slots;

    /** Where the lapped reader resumes: the newest message, or the oldest, whose slot the writer fills next. */
    @Param({"NEWEST", "OLDEST"})
    public LapPolicy lapPolicy = LapPolicy.DEFAULT;

    @Override
    void open() {
        startRingWriter(slots, lapPolicy);
    }

    static String scenario(int slots, LapPolicy lapPolicy) {
        return Q7Faults.SEQLOCK + ", " + slots + " slots, resume " + lapPolicy.name().toLowerCase(Locale.ROOT);
    }

    /**
     * One trial: reads for the window and records what the seqlock delivered, caught and let
     * through; a snapshot it let through torn also counts as corrupt in the trial's outcome.
     */
    void readWindow() {
        if (outcome.stopped()) {
            return;
        }
        long tornBefore = reader.torn();
        long missedBefore = reader.missed();
        long reads = 0;
        long tornDelivered = 0;
        SlowReader window = new SlowReader(outcome);
        while (window.reading()) {
            int length = reader.poll();
            if (length < 0) {
                if (window.idle()) {
                    continue;
                }
                return;
            }
            window.progress();
            reads++;
            MemorySegment slot = reader.payload();
            long sequence = CheckedMessage.sequence(slot);
            boolean whole = length == Q7Faults.SNAPSHOT_BYTES && SlowReader.read(slot, Q7Faults.SNAPSHOT_BYTES, SlowReader.PAUSE);
            if (reader.validate() && (!whole || sequence != reader.position())) {
                tornDelivered++; // the seqlock let a torn or foreign snapshot through
            }
        }
        long caught = reader.torn() - tornBefore;
        String scenario = scenario(slots, lapPolicy);
        record(scenario, "snapshots_read_count", reads);
        record(scenario, "delivered_count", reads - caught);
        record(scenario, "torn_caught_count", caught);
        record(scenario, "torn_delivered_count", tornDelivered);
        record(scenario, "gap_count", reader.missed() - missedBefore - caught);
        outcome.checked(reads - caught, tornDelivered);
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            outcome.end("snapshots the seqlock delivered");
        } finally {
            Resources.closeAll(peer, ring, pin);
        }
    }
}
