package io.shmbench.bench;

import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.SizingRule;
import io.shmbench.ring.RingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OVERWRITE trial's accounting: counts, loss fraction, staleness percentiles, the ring's books checked. */
class LossTallyTest {
    @Test
    void aTrialRowCountsWhatWasReadAndMissedAndHowOldItWas() {
        LossTally tally = new LossTally();
        for (int i = 1; i <= 100; i++) {
            tally.delivered(true, i * 1_000L); // 1 us .. 100 us old
        }
        tally.delivered(false, 1); // delivered but wrong: counted, its age ignored

        OverwriteLoss row = tally.row(4, 2.0, LapPolicy.NEWEST, 150, 49);

        assertEquals(101, row.delivered());
        assertEquals(1, tally.corrupt());
        assertEquals(49, row.missed());
        assertEquals(49 / 150.0, row.lossFraction(), 1e-12);
        assertEquals(50_000, row.stalenessP50Ns(), 50_000 * 0.001);
        assertEquals(99_000, row.stalenessP99Ns(), 99_000 * 0.001);
    }

    @Test
    void withNothingReadStalenessIsUnknownAndEverythingIsLost() {
        OverwriteLoss row = new LossTally().row(1, 4.0, LapPolicy.NEWEST, 10, 10);
        assertEquals(1.0, row.lossFraction());
        assertTrue(Double.isNaN(row.stalenessP50Ns()));
        assertTrue(Double.isNaN(row.stalenessP99Ns()));
    }

    @Test
    void booksThatDoNotAddUpAreAnError() {
        LossTally tally = new LossTally();
        tally.delivered(true, 5);
        RingException error = assertThrows(RingException.class, () -> tally.row(2, 1.25, LapPolicy.OLDEST, 10, 3));
        assertTrue(error.getMessage().contains("1 delivered + 3 missed != 10 written"), error.getMessage());
    }

    @Test
    void theSizingRulePredictsLossUntilCeilOfTheRateRatio() {
        assertEquals(0.75, SizingRule.predictedLossFraction(1, 4), 1e-12);
        assertEquals(0.25, SizingRule.predictedLossFraction(3, 4), 1e-12);
        assertEquals(0.0, SizingRule.predictedLossFraction(4, 4), 1e-12);
        assertEquals(0.2, SizingRule.predictedLossFraction(1, 1.25), 1e-12);
        assertEquals(0.0, SizingRule.predictedLossFraction(2, 1.25), 1e-12);
        assertEquals(0.0, SizingRule.predictedLossFraction(1, 1), 1e-12);
    }
}
