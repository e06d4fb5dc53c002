package io.shmbench.interop;

import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.SizingRule;
import io.shmbench.shm.SuiteName;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The situation the ring was made for, run for real: a C process publishing telemetry snapshots
 * at W Hz into an OVERWRITE ring, a Python agent waking at R Hz and taking every snapshot that is
 * new, printing each one's age and what it missed. With slots >= ceil(W/R) nothing should be lost
 * ({@link SizingRule}); with fewer, about 1 - S R / W is.
 *
 * <p>The ring gets a suite name ({@code shmbench-scenario-<pid>-<random>}) and is unlinked as soon
 * as both programs have attached, so nothing is left in /dev/shm however the run ends after that;
 * before that a shutdown hook removes it on Ctrl-C or SIGTERM, and only a SIGKILL in the first
 * second can leave it, for {@code run-bench.sh clean}. Both programs run with
 * {@code --watch-parent}: if this JVM dies, they stop within a period.
 */
public final class TelemetryScenario {
    /** How long a program may take to start and attach (python3 on a loaded machine). */
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param duration      how long the writer writes
     * @param slots         the ring's slots
     * @param writerHz      snapshots the C writer publishes per second (W)
     * @param readerHz      wake-ups of the Python reader per second (R)
     * @param snapshotBytes the largest snapshot; the probe messages' lengths cycle up to it
     * @param lapPolicy     where the reader resumes when the writer laps it
     */
    public record Settings(Duration duration, int slots, double writerHz, double readerHz, int snapshotBytes,
                           LapPolicy lapPolicy) {
        public long snapshots() {
            return Math.max(1, Math.round(duration.toNanos() / 1e9 * writerHz));
        }

        public double rateRatio() {
            return writerHz / readerHz;
        }
    }

    /** What the run ended with: the writer's count, the reader's summary, both exit codes. */
    public record Result(long written, long delivered, long missed, long torn, long corrupt, int writerExit, int readerExit) {
        /** Both programs ended well, nothing was corrupt, and every snapshot was delivered or counted missed. */
        public boolean ok() {
            return writerExit == 0 && readerExit == 0 && corrupt == 0 && delivered + missed == written;
        }

        public double lossFraction() {
            return written == 0 ? 0 : (double) missed / written;
        }
    }

    private final Settings settings;
    private final PeerPrograms programs;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Process> started = new ArrayList<>();

    public TelemetryScenario(Settings settings, PeerPrograms programs, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.programs = programs;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the scenario to its end and prints it.
     *
     * @throws IllegalStateException when C or Python is missing here, a program does not start, or a wait times out
     */
    public Result run() {
        programs.cMissing().or(programs::pythonMissing).ifPresent(why -> {
            throw new IllegalStateException("the scenario needs a C compiler and python3: " + why);
        });
        String name = SuiteName.fresh("scenario").toString();
        Ring ring = Ring.createNamed(name, RingConfig.of(settings.slots(), settings.snapshotBytes()).withMode(RingMode.OVERWRITE));
        Thread cleanup = new Thread(() -> stopAll(ring), "scenario-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            out.printf(Locale.ROOT, "scenario: C writer at %s Hz -> %d-slot OVERWRITE ring %s -> Python reader at %s Hz, %d s, "
                            + "reader resumes at the %s message when lapped%n", number(settings.writerHz()), settings.slots(),
                    ring.path(), number(settings.readerHz()), settings.duration().toSeconds(),
                    settings.lapPolicy().name().toLowerCase(Locale.ROOT));
            out.flush();
            String count = Long.toString(settings.snapshots());
            Output reader = start(programs.python("reader", name, List.of("--mode", "overwrite", "--count", count,
                    "--rate", number(settings.readerHz()), "--policy", settings.lapPolicy().name().toLowerCase(Locale.ROOT),
                    "--timeout", "30", "--watch-parent")), "");
            await("the Python reader to attach", reader, () -> ring.readerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE);
            Output writer = start(programs.c("writer", name, List.of("--mode", "overwrite", "--count", count,
                    "--rate", number(settings.writerHz()), "--bytes", Integer.toString(ring.config().maxPayload()),
                    "--timeout", "30", "--watch-parent")), "writer: ");
            await("the C writer to attach", writer, () -> ring.writeIndex() > 0
                    || ring.writerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE);
            ring.unlink(); // both are in: from here on nothing can be left in /dev/shm
            synchronized (out) {
                out.println("both attached; the ring's name is removed, so nothing is left in /dev/shm however this ends");
                out.flush();
            }
            Duration deadline = settings.duration().plus(ATTACH_TIMEOUT);
            int writerExit = writer.awaitExit(deadline);
            int readerExit = reader.awaitExit(deadline.plus(Duration.ofSeconds((long) Math.ceil(2 / settings.readerHz()))));
            Map<String, Long> got = reader.summary();
            Result result = new Result(writer.summary().getOrDefault("written", 0L), got.getOrDefault("delivered", 0L),
                    got.getOrDefault("missed", 0L), got.getOrDefault("torn", 0L), got.getOrDefault("corrupt", 0L),
                    writerExit, readerExit);
            report(result);
            return result;
        } finally {
            stopAll(ring);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it did the same
            }
            ring.close();
        }
    }

    private void report(Result r) {
        double ratio = settings.rateRatio();
        out.printf(Locale.ROOT, "written %d, delivered %d, missed %d (%.1f%%), torn %d, corrupt %d%n", r.written(), r.delivered(),
                r.missed(), 100 * r.lossFraction(), r.torn(), r.corrupt());
        out.printf(Locale.ROOT, "sizing rule: W/R = %s, slots = ceil(W/R) = %d lose nothing; %d slot%s should lose %.0f%%%s%n",
                number(ratio), SizingRule.slotsFor(ratio), settings.slots(), settings.slots() == 1 ? "" : "s",
                100 * SizingRule.predictedLossFraction(settings.slots(), ratio),
                r.missed() > 0 && SizingRule.predictedLossFraction(settings.slots(), ratio) == 0
                        ? " (what was lost here came from a late wake-up: the margin the rule asks for)" : "");
        out.flush();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void await(String what, Output program, BooleanSupplier done) {
        long deadline = System.nanoTime() + ATTACH_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (!program.process.isAlive()) {
                throw new IllegalStateException("waiting for " + what + ": it exited with " + program.process.exitValue());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("gave up waiting " + ATTACH_TIMEOUT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private synchronized Output start(List<String> command, String prefix) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            started.add(process);
            return new Output(process, prefix, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Stops whatever still runs (they detach on SIGTERM) and removes the ring's name if it is still there. */
    private void stopAll(Ring ring) {
        List<Process> running;
        synchronized (this) {
            running = List.copyOf(started);
        }
        for (Process p : running) {
            p.destroy();
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        ring.unlink();
    }

    /** A program's output, passed on line by line (stdout to out with a prefix, stderr to err); keeps its summary line. */
    private static final class Output {
        private final Process process;
        private final Map<String, Long> summary = new HashMap<>();
        private final Thread stdout;

        Output(Process process, String prefix, PrintWriter out, PrintWriter err) {
            this.process = process;
            this.stdout = pump(process.getInputStream(), line -> {
                if (line.startsWith("summary ")) {
                    synchronized (summary) {
                        for (String pair : line.substring("summary ".length()).split(" ")) {
                            String[] kv = pair.split("=", 2);
                            summary.put(kv[0], Long.parseLong(kv[1]));
                        }
                    }
                }
                synchronized (out) {
                    out.println(prefix + line);
                    out.flush();
                }
            });
            pump(process.getErrorStream(), line -> {
                synchronized (err) {
                    err.println(prefix + line);
                    err.flush();
                }
            });
        }

        int awaitExit(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(process.info().command().orElse("a program") + " did not end within " + timeout);
                }
                stdout.join(TimeUnit.SECONDS.toMillis(5)); // its last lines, the summary among them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return process.exitValue();
        }

        Map<String, Long> summary() {
            synchronized (summary) {
                return Map.copyOf(summary);
            }
        }

        private static Thread pump(InputStream stream, java.util.function.Consumer<String> sink) {
            Thread thread = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        sink.accept(line);
                    }
                } catch (IOException ignored) {
                    // the program ended
                }
            }, "scenario-output");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }
}
