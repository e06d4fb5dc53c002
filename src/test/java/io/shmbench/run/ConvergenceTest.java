package io.shmbench.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvergenceTest {
    @Test
    void fiveRoundsWithinFivePercentOfTheirMedianHaveConverged() {
        // range 104 - 100 = 4, median 102: 3.9%
        assertTrue(Convergence.converged(List.of(102.0, 100.0, 104.0, 101.0, 103.0)));
        // exactly 5%
        assertTrue(Convergence.converged(List.of(100.0, 95.0, 100.0, 100.0, 100.0)));
    }

    @Test
    void fewerThanFiveRoundsNeverHave() {
        assertFalse(Convergence.converged(List.of(100.0, 100.0, 100.0, 100.0)), "4 identical rounds: only an 87.5% interval");
        assertFalse(Convergence.converged(List.of()));
    }

    @Test
    void oneOutlyingRoundKeepsTheSeriesRunning() {
        assertFalse(Convergence.converged(List.of(100.0, 101.0, 100.0, 99.0, 130.0)));
        assertFalse(Convergence.converged(List.of(100.0, 101.0, 100.0, 99.0, 94.0)));
        // and it still counts when more rounds come: the range never shrinks
        assertFalse(Convergence.converged(List.of(100.0, 101.0, 100.0, 99.0, 130.0, 100.0, 100.0)));
    }

    @Test
    void aSeriesThatSettlesLaterConvergesThen() {
        assertTrue(Convergence.converged(List.of(100.0, 101.0, 100.0, 99.0, 102.0, 100.0)));
    }

    @Test
    void theSpreadIsTheRangeOverTheMedian() {
        assertEquals(0.2, Convergence.relativeSpread(List.of(90.0, 100.0, 110.0)), 1e-12);
        assertEquals(0.2, Convergence.relativeSpread(List.of(90.0, 110.0, 95.0, 105.0)), 1e-12, "even count: mean of the middle two");
    }

    @Test
    void aScoreWithoutAPositiveMedianNeverConverges() {
        assertFalse(Convergence.converged(List.of(0.0, 0.0, 0.0, 0.0, 0.0)));
        assertFalse(Convergence.converged(List.of(Double.NaN, 1.0, 1.0, 1.0, 1.0)));
        assertEquals(Double.POSITIVE_INFINITY, Convergence.relativeSpread(List.of()));
    }
}
