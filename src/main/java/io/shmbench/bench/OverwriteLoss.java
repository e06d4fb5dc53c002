package io.shmbench.bench;

import io.shmbench.ring.LapPolicy;

/**
 * One trial of an OVERWRITE ring with a writer at rate W and a reader at rate R: one row of
 * {@link io.shmbench.measure.QuestionCsv#Q3_OVERWRITE_LOSS}.
 *
 * @param lapPolicy        where the reader resumed when the writer lapped it
 * @param written          messages the writer published
 * @param delivered        messages the reader got whole (the seqlock held)
 * @param missed           messages the reader never got: overwritten before it came (the ring's
 *                         {@code missed()}: lapped, plus torn reads discarded)
 * @param stalenessP50Ns   median age of a message when read (read time minus the writer's stamp); NaN when none was read
 * @param stalenessP99Ns   99th percentile of that age
 */
record OverwriteLoss(int slots, double rateRatio, LapPolicy lapPolicy, long written, long delivered, long missed, double stalenessP50Ns,
                     double stalenessP99Ns) {

    /** The fraction of written messages the reader never saw. */
    double lossFraction() {
        return written == 0 ? 0 : (double) missed / written;
    }
}
