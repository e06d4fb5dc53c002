package io.shmbench.bench;

import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.RingException;
import org.HdrHistogram.Histogram;

/**
 * Counts one OVERWRITE trial from the reader's side: the messages it got whole, those that were
 * wrong, and how old each was when read; then checks the ring's gap accounting (every message
 * written was either delivered or counted missed) and makes the {@link OverwriteLoss} row.
 */
final class LossTally {
    private final Histogram staleness = new Histogram(3);
    private long delivered;
    private long corrupt;

    /**
     * One message the reader got whole (its seqlock held).
     *
     * @param right          whether its content was the expected message's
     * @param stalenessNanos read time minus the writer's stamp (ignored for a wrong message, whose stamp means nothing)
     */
    void delivered(boolean right, long stalenessNanos) {
        delivered++;
        if (!right) {
            corrupt++;
        } else {
            staleness.recordValue(Math.max(0, stalenessNanos));
        }
    }

    long delivered() {
        return delivered;
    }

    long corrupt() {
        return corrupt;
    }

    /**
     * The trial's row.
     *
     * @param written messages the writer published in the trial
     * @param missed  what the ring's reader counted missed in the trial
     * @throws RingException when delivered + missed is not what was written: the ring lost count
     */
    OverwriteLoss row(int slots, double rateRatio, LapPolicy lapPolicy, long written, long missed) {
        if (delivered + missed != written) {
            throw new RingException("the reader's accounting does not add up: " + delivered + " delivered + " + missed
                    + " missed != " + written + " written (" + slots + " slots, W/R = " + rateRatio + ")");
        }
        boolean any = staleness.getTotalCount() > 0;
        return new OverwriteLoss(slots, rateRatio, lapPolicy, written, delivered, missed,
                any ? staleness.getValueAtPercentile(50) : Double.NaN, any ? staleness.getValueAtPercentile(99) : Double.NaN);
    }
}
