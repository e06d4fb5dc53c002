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

/**
 * How one benchmark run (benchmark x parameter values) went, for the cross-process benchmarks:
 * a problem (a peer that does not come up, a wait that times out, a corrupt message, a placement
 * the host cannot offer) is written to {@code raw/outcomes.csv} and the fork's stderr, and the run
 * then skips its measured operation ({@link #failed()}) so that JMH finishes the run cleanly
 * instead of aborting the suite. Only the first problem of a run is recorded as its status;
 * corrupt counts are recorded at the end.
 */
public final class RunOutcome {
    private final String benchmark;
    private final String params;
    private boolean failed;

    public RunOutcome(String benchmark, String params) {
        this.benchmark = benchmark;
        this.params = params;
    }

    /** The run JMH is executing, named as in {@code .hlog} files and outcomes.csv. */
    public static RunOutcome of(BenchmarkParams run) {
        return new RunOutcome(run.getBenchmark(), SeriesName.of(run).paramsText());
    }

    /** True once a problem was recorded: the measured operation returns at once from then on. */
    public boolean failed() {
        return failed;
    }

    /** Records {@code status} unless a problem was already recorded; later operations are skipped. */
    public void fail(Outcome status, String detail) {
        if (failed) {
            System.err.println("shmbench: " + benchmark + " [" + params + "] (after an earlier problem): " + detail);
            return;
        }
        failed = true;
        record(status, detail);
    }

    /** {@link #fail(Outcome, String)} with the status {@link #statusOf} the exception. */
    public void fail(Throwable problem) {
        fail(statusOf(problem), String.valueOf(problem.getMessage()).strip());
    }

    /** Records {@code corrupt} messages of {@code checked} (nothing when none was corrupt). */
    public void corrupt(long corrupt, long checked, String what) {
        if (corrupt > 0) {
            record(Outcome.CORRUPT, corrupt + " corrupt of " + checked + " " + what);
        }
    }

    private void record(Outcome status, String detail) {
        System.err.println("shmbench: " + benchmark + " [" + params + "] " + status.label() + ": " + detail);
        OutcomeLog.current().ifPresent(log -> log.append(benchmark, params, status, detail));
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
