package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.Outcome;
import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.SeriesName;
import io.shmbench.ring.RingTimeoutException;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.Optional;

/**
 * What became of one benchmark trial (one parameter combination in one fork) whose variant may be
 * wrong by design: counts messages that arrived wrong, and stops the trial at the first wait that
 * ran into its deadline or the first error, recording it once in {@code raw/outcomes.csv}
 * ({@link OutcomeLog}) instead of letting it abort the run. A stopped trial's benchmark methods
 * return at once for the rest of the trial; its figures are marked with the outcome.
 *
 * <p>Statuses written: {@code timed out} (a wait hit its deadline: e.g. a PLAIN load hoisted out
 * of a spin loop), {@code failed} (the peer died, or the ring refused a corrupt slot), and at the
 * end of the trial {@code corrupt} with the count first ({@code 3 corrupt of 100000 messages}).
 * Nothing is written for a trial that ended plainly. Outside a run (no run directory) the outcome
 * goes to stderr only.
 */
final class TrialOutcome {
    private final SeriesName series;
    private final String benchmark;
    private final String params;
    private final Optional<OutcomeLog> log;
    private long checked;
    private long corrupt;
    private boolean stopped;

    TrialOutcome(SeriesName series, Optional<OutcomeLog> log) {
        this.series = series;
        this.benchmark = series.benchmarkClass() + "." + series.method();
        this.params = series.paramsText();
        this.log = log;
    }

    /** For the running JMH trial, logging into the current run's outcomes. */
    static TrialOutcome of(BenchmarkParams benchmark) {
        return new TrialOutcome(SeriesName.of(benchmark), OutcomeLog.current());
    }

    /** The trial's series: its benchmark and parameters, as in its .hlog name. */
    SeriesName series() {
        return series;
    }

    /** True once a wait timed out or an error stopped the trial: benchmark methods then return at once. */
    boolean stopped() {
        return stopped;
    }

    /** Counts one checked message, right or wrong. */
    void checked(boolean right) {
        checked++;
        if (!right) {
            corrupt++;
        }
    }

    /** Counts {@code total} checked messages of which {@code wrong} were wrong. */
    void checked(long total, long wrong) {
        checked += total;
        corrupt += wrong;
    }

    long corrupt() {
        return corrupt;
    }

    /**
     * Stops the trial because of {@code error}: a {@link RingTimeoutException} is {@code timed out},
     * anything else {@code failed}. Only the first stop is recorded.
     *
     * @param context what was going on, e.g. the peer's log tail
     */
    void stop(RuntimeException error, String context) {
        if (stopped) {
            return;
        }
        stopped = true;
        Outcome status = error instanceof RingTimeoutException ? Outcome.TIMED_OUT : Outcome.FAILED;
        String detail = error.getMessage() + (error instanceof ChannelException ? "" : " (" + error.getClass().getSimpleName() + ")")
                + context;
        record(status, detail.replace('\n', ' '));
    }

    /** At the end of the trial: records the wrong messages, if any. */
    void end() {
        if (corrupt > 0) {
            record(Outcome.CORRUPT, corrupt + " corrupt of " + checked + " messages checked");
        }
    }

    private void record(Outcome status, String detail) {
        System.err.println(benchmark + " [" + params + "]: " + status.label() + ": " + detail);
        log.ifPresent(l -> l.append(benchmark, params, status, detail));
    }
}
