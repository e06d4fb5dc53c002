package io.shmbench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --budget}'s value, and the rule that stops a budgeted run between rounds. */
class BudgetTest {
    @ParameterizedTest
    @CsvSource({"2h, 7200", "90m, 5400", "45s, 45", "1h30m, 5400", "1h30m15s, 5415", "1H, 3600", "' 10m ', 600", "0h1s, 1",
            "150m, 9000"})
    void parsesHoursMinutesAndSeconds(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Budget.parse(text).limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "90", "2x", "1.5h", "-1h", "30m1h", "h", "1h 30m", "2 hours", "1d"})
    void refusesWhatIsNotADurationAndSaysWhatWould(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'") && e.getMessage().contains("e.g. 2h, 90m, 45s or 1h30m"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0h0m", "0m"})
    void refusesNoTimeAtAll(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse(text));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }

    @Test
    void refusesANumberTooLargeForADuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse("99999999999999999999h"));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void labelsAsTheConsoleShowsTimes() {
        assertEquals("2:00:00", Budget.parse("2h").label());
        assertEquals("1:30", Budget.parse("90s").label());
    }

    private static final Budget TEN_MINUTES = new Budget(Duration.ofMinutes(10));

    @Test
    void theNextRoundStartsWhenTheTimeSoFarPlusItsEstimateFits() {
        // 20 runs in 4 minutes: 12 s a run; 25 more runs take 5 minutes: 9 in all.
        assertTrue(TEN_MINUTES.nextRoundFits(Duration.ofMinutes(4), 20, 25));
        // exactly the budget still fits
        assertTrue(TEN_MINUTES.nextRoundFits(Duration.ofMinutes(4), 20, 30));
        // one run more passes it
        assertFalse(TEN_MINUTES.nextRoundFits(Duration.ofMinutes(4), 20, 31));
    }

    @Test
    void theEstimateIsTheMeanTimePerRunSoFarTimesTheRunsOfTheNextRound() {
        assertEquals(Duration.ofSeconds(60), Budget.nextRoundEstimate(Duration.ofSeconds(30), 10, 20));
        assertEquals(Duration.ZERO, Budget.nextRoundEstimate(Duration.ofSeconds(30), 0, 20), "nothing to estimate from");
    }

    @Test
    void aRoundWithNothingToRunAlwaysFitsUnlessTheBudgetIsSpent() {
        assertTrue(TEN_MINUTES.nextRoundFits(Duration.ofMinutes(9), 20, 0));
        assertFalse(TEN_MINUTES.nextRoundFits(Duration.ofMinutes(11), 20, 0));
    }

    @Test
    void isPositive() {
        assertThrows(IllegalArgumentException.class, () -> new Budget(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Budget(Duration.ofSeconds(-1)));
    }
}
