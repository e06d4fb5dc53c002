package io.shmbench.soak;

import io.shmbench.run.Progress;
import io.shmbench.shm.PrivateDirectory;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The soak run: shares the duration out in time slices over the targets, round after round (about
 * {@link #SLICE_GOAL} each, so every target gets its turn early and more than once in a long run),
 * prints progress, and at the end the {@link SoakSummary}.
 *
 * <p>Ctrl-C or SIGTERM: a shutdown hook asks the running slice to stop, waits for it to stop its
 * processes and remove its segments (doing so itself if the slice does not finish in time), and the
 * summary so far is printed. Peer and writer logs go to a private directory that is removed unless
 * a target failed (then the summary names it).
 */
public final class Soak {
    static final Duration SLICE_GOAL = Duration.ofSeconds(30);
    private static final Duration HOOK_WAIT = Duration.ofSeconds(20);

    private final List<SoakTarget> targets;
    private final SoakSettings settings;
    private final PrintWriter out;
    private final Cleanup cleanup = new Cleanup();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    /**
     * @param targetList what {@link SoakTargets#parse} takes: {@code all}, {@code ring} or names
     * @throws IllegalArgumentException for an unknown name, with the valid ones
     */
    public Soak(String targetList, SoakSettings settings, PrintWriter out) {
        this.targets = SoakTargets.parse(targetList);
        this.settings = settings;
        this.out = out;
        for (SoakTarget target : targets) {
            tallies.put(target.name(), new Tally(target.name()));
        }
    }

    /** Rounds over all targets: enough for slices of about {@link #SLICE_GOAL}, at least one. */
    static int rounds(int targets, Duration duration) {
        long perTarget = duration.toMillis() / targets;
        return (int) Math.max(1, Math.round((double) perTarget / SLICE_GOAL.toMillis()));
    }

    /** Runs every slice and prints the summary; the result says whether everything held. */
    public SoakSummary run() {
        long start = System.nanoTime();
        int sliceCount = rounds(targets.size(), settings.duration()) * targets.size();
        Thread hook = new Thread(this::interrupted, "shmbench-soak-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        PrivateDirectory logs = null;
        SoakSummary summary;
        try {
            logs = PrivateDirectory.create("soak");
            out.printf("soak: %s over %s in %d slices of about %s; messages of %d..%d bytes; ring writer killed every %s on average%n",
                    Progress.format(settings.duration()), names(), sliceCount,
                    Progress.format(settings.duration().dividedBy(sliceCount)), SoakSettings.MIN_MESSAGE_SIZE,
                    settings.messageSize(), seconds(settings.killEvery()));
            out.flush();
            SoakProgress progress = new SoakProgress(out, start, settings.duration());
            for (int i = 0; i < sliceCount && !cleanup.stopRequested(); i++) {
                SoakTarget target = targets.get(i % targets.size());
                Tally tally = tallies.get(target.name());
                long plannedEnd = start + settings.duration().toNanos() / sliceCount * (i + 1);
                progress.sliceStarted(i + 1, sliceCount, target.name());
                target.runSlice(new Slice(plannedEnd, settings, logs, progress, cleanup), tally);
                tally.slice();
                progress.sliceDone(tally);
            }
        } finally {
            cleanup.removeAll();
            summary = new SoakSummary(new ArrayList<>(tallies.values()), Duration.ofNanos(System.nanoTime() - start),
                    cleanup.stopRequested(), logs == null ? null : logs.path());
            if (logs != null && (!summary.failed() || summary.interrupted())) {
                logs.close();
                summary = summary.withoutLogs();
            }
            summary.print(out);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for this
            }
        }
        return summary;
    }

    /** The shutdown hook: stop the slice, give it time to clean up, else clean up here. */
    private void interrupted() {
        cleanup.requestStop();
        try {
            if (!finished.await(HOOK_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                cleanup.removeAll();
                out.println("soak: interrupted; the slice did not stop within " + HOOK_WAIT.toSeconds()
                        + " s, its processes were killed and its segments removed");
                out.flush();
            }
        } catch (InterruptedException e) {
            cleanup.removeAll();
        }
    }

    private String names() {
        return String.join(", ", targets.stream().map(SoakTarget::name).toList());
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.3g s", duration.toNanos() / 1e9);
    }
}
