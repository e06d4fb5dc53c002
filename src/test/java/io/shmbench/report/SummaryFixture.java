package io.shmbench.report;

import io.shmbench.report.summary.QuestionSummary;
import io.shmbench.report.summary.RunSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic runs for the summary's answers: round trips whose same-pair multiples are chosen by the
 * test (a calm host, one state), and results with chosen scores and errors, so every answer is known.
 */
final class SummaryFixture {
    static final String Q1 = "Q1Transports.roundTrip";
    static final String Q2 = "Q2MemoryOrders.roundTrip";
    private static final int BLOCKS = 400;
    private static final long FLOOR_NS = 130;
    private static final long SLOW_FLOOR_NS = 370;

    final FixtureRun run;
    final SamePairFixture pairs;
    private final List<List<String>> loss = new ArrayList<>();
    private long seed = 1;

    SummaryFixture(Path root) throws IOException {
        run = new FixtureRun(root);
        run.env("shmbench-env/1");
        pairs = new SamePairFixture(run);
    }

    /**
     * A round trip of {@code ratio} times its same-pair floor: every block's ratio is {@code ratio}
     * times e^(spread x N(0,1)), so a small spread gives a narrow interval and a large one a wide one.
     */
    SummaryFixture roundTrip(String benchmark, Map<String, String> params, double ratio, double spread) {
        return roundTrip(benchmark, params, ratio, ratio, 0, spread);
    }

    /**
     * Like {@link #roundTrip(String, Map, double, double)} on a host that spends {@code slowShare} of
     * the blocks in a slow state (floor {@value #SLOW_FLOOR_NS} ns), where the multiple is {@code slowRatio}.
     */
    SummaryFixture roundTrip(String benchmark, Map<String, String> params, double ratio, double slowRatio, double slowShare,
                             double spread) {
        Random r = new Random(seed++);
        double[] floors = new double[BLOCKS];
        double[] ratios = new double[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            boolean slow = i < slowShare * BLOCKS;
            floors[i] = slow ? SLOW_FLOOR_NS : FLOOR_NS;
            ratios[i] = (slow ? slowRatio : ratio) * Math.exp(spread * r.nextGaussian());
        }
        long[] series = new long[1000];
        long[] floor = new long[1000];
        Arrays.fill(series, Math.round(FLOOR_NS * ratio));
        Arrays.fill(floor, FLOOR_NS);
        pairs.roundTrip(1, benchmark, params, 1000 + seed, series, floor, floors, ratios);
        return this;
    }

    /**
     * A round trip recorded on a clock that ticks every {@code stepNs}: floors of 120 to 200 ns in whole
     * steps, in turn, and the series {@code ratio} times each, rounded to a step.
     */
    SummaryFixture onClockSteps(String benchmark, Map<String, String> params, double ratio, int stepNs) {
        double[] floors = new double[BLOCKS];
        double[] ratios = new double[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            floors[i] = 120 + stepNs * (i % (80 / stepNs + 1));
            ratios[i] = stepNs * Math.rint(floors[i] * ratio / stepNs) / floors[i];
        }
        long[] series = new long[1000];
        long[] floor = new long[1000];
        Arrays.fill(series, Math.round(FLOOR_NS * ratio));
        Arrays.fill(floor, FLOOR_NS);
        pairs.roundTrip(1, benchmark, params, 1000 + seed++, series, floor, floors, ratios);
        return this;
    }

    /** A Q1 round trip at 64 B, spinning, of {@code transport}. */
    SummaryFixture transport(String transport, double ratio, double spread) {
        return roundTrip(Q1, Map.of("transport", transport, "messageBytes", "64", "waitStrategy", "spin"), ratio, spread);
    }

    SummaryFixture throughput(String benchmark, Map<String, String> params, double msgsPerS, double error) {
        run.throughput(benchmark, params, msgsPerS, "ops/s", error);
        return this;
    }

    SummaryFixture avgt(String benchmark, Map<String, String> params, double ns, double error) {
        run.avgt(benchmark, params, ns, error, "ns/op");
        return this;
    }

    /** A row of raw/q3_overwrite_loss.csv. */
    SummaryFixture loss(String policy, double rateRatio, int slots, double fraction) {
        long written = 100_000;
        long missed = Math.round(written * fraction);
        loss.add(List.of(Integer.toString(slots), Double.toString(rateRatio), Long.toString(written),
                Long.toString(written - missed), Long.toString(missed), Double.toString(fraction), "1000000", "2000000", policy));
        return this;
    }

    /** Writes what is still in memory and answers the run's questions (without the figures). */
    RunSummary summary() throws IOException {
        write();
        Problems problems = new Problems();
        RunLayout layout = RunLayout.of(run.runDir, null);
        RunData data = RunReader.read(layout, problems);
        RunSummary s = RunSummary.of(layout.runId(), data.environment(), ReportTables.of(data), problems);
        if (problems.hasErrors()) {
            throw new AssertionError("the fixture has problems: " + problems.errors());
        }
        return s;
    }

    void write() throws IOException {
        pairs.write();
        run.jmhFile();
        if (!loss.isEmpty()) {
            run.csv("q3_overwrite_loss.csv", List.of("slots", "rate_ratio", "written", "delivered", "missed", "loss_fraction",
                    "staleness_p50_ns", "staleness_p99_ns", "lap_policy"), loss);
        }
    }

    static QuestionSummary question(RunSummary s, String q) {
        return s.questions().stream().filter(x -> x.question().equals(q)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + q + " in " + s));
    }

    /** The answer of {@code q} that starts with {@code start}; fails listing the answers there are. */
    static String answer(RunSummary s, String q, String start) {
        QuestionSummary question = question(s, q);
        return question.answers().stream().filter(a -> a.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(q + " has no answer starting '" + start + "': " + question.answers()));
    }
}
