package io.shmbench.report;

/**
 * One row of raw/q3_overwrite_loss.csv: OVERWRITE ring, writer/reader rate ratio, slot count, and
 * where the lapped reader resumed ({@code lapPolicy}: {@code newest} or {@code oldest}; runs made
 * before the policy was a parameter knew only {@code oldest}).
 */
public record LossObservation(long slots, double rateRatio, long written, long delivered, long missed,
                              double lossFraction, double stalenessP50Ns, double stalenessP99Ns, String lapPolicy) {
    /** What a row without the column means: the only policy there was. */
    public static final String POLICY_BEFORE_THE_COLUMN = "oldest";
}
