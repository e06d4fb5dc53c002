package io.shmbench.measure;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the latency of every operation of a benchmark into an HdrHistogram and logs one interval
 * per JMH iteration, tagged {@value IntervalLog#WARMUP} or {@value IntervalLog#MEASUREMENT}, to
 * {@code raw/<Class>.<method>@<params>.hlog} of the current run ({@link RunDirectory#current()}).
 *
 * <p>Use it as a JMH state argument; JMH calls the lifecycle methods:
 * <pre>{@code
 * @Benchmark
 * public void roundTrip(Peer peer, LatencyRecorder latency) {
 *     long start = System.nanoTime();
 *     peer.echo();
 *     latency.record(System.nanoTime() - start);
 * }
 * }</pre>
 * Record every operation, warm-up included: a branch first taken when measurement starts would make
 * the JIT deoptimise at that moment (see JDK25-NOTES). The cost of the two {@code nanoTime} calls and
 * the record is measured by {@code Q0RecordingCost}.
 *
 * <p>One thread records per benchmark (a second recorder on the same series in one JVM is refused):
 * the histogram is a plain single-writer {@link Histogram}, cheaper than a concurrent one. Outside
 * JMH (tests, peer processes) call {@link #open}, {@link #startInterval(String)},
 * {@link #endInterval()} and {@link #closeLog()} directly. Without a run directory the recorder
 * still records (so the measured code is the same) but writes nothing.
 */
@State(Scope.Thread)
public class LatencyRecorder {
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final Set<Path> OPEN_LOGS = ConcurrentHashMap.newKeySet();

    /** Auto-resizing: a value beyond the current range grows the histogram instead of being lost. */
    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private IntervalLog log;
    /** The fork's comment, written with the first interval: a benchmark that fails in set-up leaves no file. */
    private String pendingComment;
    private String tag = IntervalLog.WARMUP;
    private long intervalStartMs = System.currentTimeMillis();

    @Setup(Level.Trial)
    public void openLog(BenchmarkParams benchmark) {
        SeriesName series = SeriesName.of(benchmark);
        RunDirectory.current().ifPresentOrElse(
                run -> open(run.hlog(series), "fork pid " + ProcessHandle.current().pid() + ": " + series),
                () -> System.err.println("LatencyRecorder: -D" + RunDirectory.PROPERTY + " is not set; "
                        + series + " is recorded but not written"));
    }

    /**
     * Starts logging to {@code file}; refused while another recorder of this JVM logs there. The file
     * is written from the first {@link #endInterval()} on: a benchmark whose set-up fails (its peer
     * never came up) leaves no log without intervals, which the reporter would call broken.
     */
    public void open(Path file, String comment) {
        if (log != null) {
            throw new IllegalStateException("this recorder already logs to " + log.file());
        }
        Path key = file.toAbsolutePath().normalize();
        if (!OPEN_LOGS.add(key)) {
            throw new IllegalStateException("another recorder of this JVM already logs to " + key
                    + "; record from one thread per benchmark");
        }
        log = new IntervalLog(key);
        pendingComment = comment;
    }

    @Setup(Level.Iteration)
    public void startInterval(IterationParams iteration) {
        startInterval(IntervalLog.tagOf(iteration.getType()));
    }

    /** Forgets what was recorded so far and starts an interval with {@code intervalTag}. */
    public void startInterval(String intervalTag) {
        histogram.reset();
        tag = intervalTag;
        intervalStartMs = System.currentTimeMillis();
    }

    /** Records one operation's latency in nanoseconds (not negative). */
    public final void record(long nanos) {
        histogram.recordValue(nanos);
    }

    /** Logs the interval recorded since {@link #startInterval}. */
    @TearDown(Level.Iteration)
    public void endInterval() {
        if (log != null) {
            if (pendingComment != null) {
                log.comment(pendingComment);
                pendingComment = null;
            }
            log.append(histogram, intervalStartMs, System.currentTimeMillis(), tag);
        }
    }

    @TearDown(Level.Trial)
    public void closeLog() {
        if (log != null) {
            OPEN_LOGS.remove(log.file());
            log = null;
        }
    }

    /** The current interval's values (for checks in tests and benchmarks' own summaries). */
    public Histogram interval() {
        return histogram;
    }
}
