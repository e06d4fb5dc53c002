package io.shmbench.run;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --budget DURATION}: how long the benchmark runs of a suite run may take. It shapes the
 * plan before anything runs ({@link BudgetPlanner}) and is checked again between rounds
 * ({@link #nextRoundFits}); the report after the runs is not part of it.
 *
 * @param limit positive
 */
public record Budget(Duration limit) {
    private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    public Budget {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a budget must be positive, not " + limit);
        }
    }

    /**
     * Parses hours, minutes and seconds in that order, each optional but not all: {@code 2h},
     * {@code 90m}, {@code 45s}, {@code 1h30m}, {@code 1h30m15s} (any case). A bare number has no
     * unit and is refused rather than guessed.
     */
    public static Budget parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(trimmed);
        if (trimmed.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; give hours, minutes and/or seconds, "
                    + "e.g. 2h, 90m, 45s or 1h30m");
        }
        Duration limit;
        try {
            limit = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
        if (limit.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is no time at all; a budget must be positive, e.g. 2h");
        }
        return new Budget(limit);
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** {@code 2:00:00}, as the console shows times. */
    public String label() {
        return Progress.format(limit);
    }

    public boolean fits(Duration estimate) {
        return estimate.compareTo(limit) <= 0;
    }

    /**
     * Whether the next round still fits, decided before it starts: the time so far plus the next
     * round's estimate, the mean time of the runs so far (JVM starts and set-up included, which no
     * nominal time knows) times the runs it will make. Stopping only between rounds keeps every
     * series at the same rounds, so no series is compared over a different stretch of the host's
     * noise than another.
     *
     * @param elapsed         since the first run started
     * @param runsDone        runs started so far (failed ones included: they took time too)
     * @param runsInNextRound runs the next round would make (converged series left out)
     */
    public boolean nextRoundFits(Duration elapsed, int runsDone, int runsInNextRound) {
        return fits(elapsed.plus(nextRoundEstimate(elapsed, runsDone, runsInNextRound)));
    }

    /** The mean time per run so far times the next round's runs; zero before any run (nothing to estimate from). */
    public static Duration nextRoundEstimate(Duration elapsed, int runsDone, int runsInNextRound) {
        return runsDone == 0 ? Duration.ZERO : elapsed.dividedBy(runsDone).multipliedBy(runsInNextRound);
    }
}
