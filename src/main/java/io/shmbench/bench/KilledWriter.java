package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.Outcome;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.PeerStatus;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * {@link Q7Faults#writerKill}'s scenario: a new writer on an OVERWRITE ring for every trial, killed
 * with SIGKILL while it writes; this side's reader watches for its death.
 */
@State(Scope.Thread)
public class KilledWriter extends FaultScenario {
    /** The killed writer's ring: its size does not matter to the detection. */
    private static final int RING_SLOTS = 64;

    @Override
    void open() {
        // a writer per trial, started in startTrial
    }

    @Setup(Level.Iteration)
    public void startTrial() {
        if (outcome.stopped()) {
            return;
        }
        try {
            startRingWriter(RING_SLOTS, LapPolicy.DEFAULT);
        } catch (RuntimeException e) {
            outcome.stop(e);
        }
    }

    /**
     * Kills the writer ({@code destroyForcibly}) and reads on until the ring says its writer is DEAD
     * or STALE; records the time from the kill to then.
     */
    void killAndDetect(LatencyRecorder latency) {
        if (outcome.stopped()) {
            return;
        }
        long staleAfter = TimeUnit.MILLISECONDS.toNanos(Q7Faults.STALE_AFTER_MILLIS);
        long start = System.nanoTime();
        peer.kill();
        PeerStatus status;
        do {
            while (reader.poll() >= 0) {
                // what the writer published before it died is still read
            }
            status = reader.peerStatus(staleAfter);
            if (System.nanoTime() - start > Q7Faults.GIVE_UP_NANOS) {
                outcome.stop(Outcome.TIMED_OUT, "the reader still saw the killed writer " + status + " after "
                        + TimeUnit.NANOSECONDS.toSeconds(Q7Faults.GIVE_UP_NANOS) + " s");
                return;
            }
        } while (status != PeerStatus.DEAD && status != PeerStatus.STALE);
        long detection = System.nanoTime() - start;
        latency.record(detection);
        record(Q7Faults.KILL, "detection_ns", detection);
    }

    @TearDown(Level.Iteration)
    public void endTrial() {
        try {
            Resources.closeAll(peer, ring);
        } finally {
            peer = null;
            ring = null;
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        Resources.closeAll(pin);
    }
}
