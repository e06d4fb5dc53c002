package io.shmbench.bench;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.measure.Outcome;
import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.SeriesName;
import io.shmbench.placement.PlacementUnavailableException;
import io.shmbench.process.NotReadyException;
import io.shmbench.ring.RingTimeoutException;
import io.shmbench.transport.ChannelTimeoutException;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.Optional;

/**
 * What became of one benchmark trial (one parameter combination in one fork) that can go wrong: a
 * peer that does not come up or dies, a wait that runs into its deadline, a placement the host
 * cannot offer, a message that arrives wrong. The first problem stops the trial: it is written
 * once to {@code raw/outcomes.csv} ({@link OutcomeLog}) and this fork's stderr, and the trial's
 * benchmark methods return at once from then on ({@link #stopped()}), so JMH finishes the trial
 * cleanly instead of aborting the run; its figures are marked with the outcome. Messages are
 * counted as they are checked, and the wrong ones written at the end of the trial ({@link #end}).
 * Nothing is written for a trial that ended plainly; outside a run (no run directory) the outcome
 * goes to stderr only.
 *
 * <p>Statuses written ({@link #statusOf}): {@code timed out} (a wait hit its deadline: e.g. a PLAIN
 * load hoisted out of a spin loop), {@code unavailable} (a placement this host cannot offer),
 * {@code unsupported} (a message the transport cannot carry), {@code failed} (anything else: the
 * peer died, the ring refused a corrupt slot), and at the end {@code corrupt} with the count first
 * ({@code 3 corrupt of 100000 messages checked}).
 */
final class TrialOutcome {
    private final SeriesName series;
    private final Optional<OutcomeLog> log;
    private long checked;
    private long corrupt;
    private boolean stopped;

    TrialOutcome(SeriesName series, Optional<OutcomeLog> log) {
        this.series = series;
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

    /** True once a problem stopped the trial: benchmark methods then return at once. */
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

    long checked() {
        return checked;
    }

    long corrupt() {
        return corrupt;
    }

    /** Stops the trial because of {@code problem}, with the status {@link #statusOf} it. */
    void stop(Throwable problem) {
        stop(problem, "");
    }

    /**
     * Stops the trial because of {@code problem}, with the status {@link #statusOf} it; the suite's
     * own exceptions say what happened, others are named too.
     *
     * @param context what was going on, e.g. the peer's log tail
     */
    void stop(Throwable problem, String context) {
        String message = String.valueOf(problem.getMessage()).strip();
        boolean ours = problem.getClass().getPackageName().startsWith("io.shmbench");
        stop(statusOf(problem), message + (ours ? "" : " (" + problem.getClass().getSimpleName() + ")") + context);
    }

    /** Stops the trial with {@code status}; only the first stop is the trial's status, later ones go to stderr. */
    void stop(Outcome status, String detail) {
        String oneLine = detail.replace('\n', ' ');
        if (stopped) {
            System.err.println("shmbench: " + series + " (after an earlier problem): " + oneLine);
            return;
        }
        stopped = true;
        record(status, oneLine);
    }

    /**
     * At the end of the trial: records the wrong messages, if any.
     *
     * @param what how the messages were checked, e.g. {@code "messages checked"}
     */
    void end(String what) {
        if (corrupt > 0) {
            record(Outcome.CORRUPT, corrupt + " corrupt of " + checked + " " + what);
        }
    }

    private void record(Outcome status, String detail) {
        System.err.println("shmbench: " + series + ": " + status.label() + ": " + detail);
        log.ifPresent(l -> l.append(series.benchmark(), series.paramsText(), status, detail));
    }

    /** Timeouts anywhere in the cause chain make "timed out", an unavailable placement "unavailable". */
    static Outcome statusOf(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if (t instanceof RingTimeoutException || t instanceof ChannelTimeoutException
                    || (t instanceof NotReadyException n && n.timedOut())) {
                return Outcome.TIMED_OUT;
            }
            if (t instanceof PlacementUnavailableException) {
                return Outcome.UNAVAILABLE;
            }
            if (t instanceof MessageTooLargeException) {
                return Outcome.UNSUPPORTED;
            }
        }
        return Outcome.FAILED;
    }
}
