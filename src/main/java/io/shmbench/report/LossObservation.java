package io.shmbench.report;

/** One row of raw/q3_overwrite_loss.csv: OVERWRITE ring, writer/reader rate ratio, slot count. */
public record LossObservation(long slots, double rateRatio, long written, long delivered, long missed,
                              double lossFraction, double stalenessP50Ns, double stalenessP99Ns) {
}
