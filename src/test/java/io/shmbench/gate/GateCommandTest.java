package io.shmbench.gate;

import io.shmbench.report.FixtureRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run-bench.sh gate} on synthetic run pairs: exit 0 without a regression, 1 naming each
 * regression, 2 for bad input; absolute metrics only with --absolute and on the same machine.
 */
class GateCommandTest {
    private static final String RING_P50_FAST = "Q1Transports.roundTrip transport=shm-ring message_bytes=64 wait_strategy=spin"
            + " p50_x_floor fast";

    @TempDir
    Path root;

    /** A run of two series in two host states, with tight intervals (as a long run has), and a throughput. */
    private TidyRunFixture run(String id, double ringFast, double ringSlow) {
        return new TidyRunFixture(root, id)
                .multiple("shm-ring", "all", 200, (ringFast + ringSlow) / 2, ringFast, ringSlow)
                .multiple("shm-ring", "fast", 130, ringFast, ringFast * 0.99, ringFast * 1.01)
                .multiple("shm-ring", "slow", 350, ringSlow, ringSlow * 0.99, ringSlow * 1.01)
                .p99Multiple("shm-ring", 2.0, 1.9, 2.1)
                .multiple("agrona", "all", 200, 1.6, 1.55, 1.65)
                .throughput("shm-ring", 10e6, 0.5e6, 100)
                .latency(TidyRunFixture.RT, "shm-ring", 190, 300);
    }

    private GateRun gate(Path baseline, Path current, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "gate";
        args[1] = "--baseline=" + baseline;
        args[2] = "--current=" + current;
        args[3] = "--tolerance=10";
        System.arraycopy(more, 0, args, 4, more.length);
        return GateRun.of(args);
    }

    @Test
    void identicalRunsPass() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path b = run("b", 1.4, 2.0).write();
        GateRun r = gate(a, b);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lastLines(1).startsWith("Wrote ") && r.out().contains("Gate passed: 4 metrics gated (4 pass"), r.out());
        assertTrue(Files.readString(b.resolve("gate.md")).contains("| " + RING_P50_FAST + " | 1.40 | 1.40 | +0.0% |"),
                Files.readString(b.resolve("gate.md")));
    }

    @Test
    void aQuarterSlowerInOneMetricFailsAndNamesIt() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path b = run("b", 1.75, 2.0).write();
        GateRun r = gate(a, b);
        assertEquals(1, r.exit(), r.out() + r.err());
        String last = r.out().substring(r.out().indexOf("Gate FAILED"));
        assertTrue(last.contains("1 regressed") && last.contains("REGRESSED: " + RING_P50_FAST + ": 1.40 -> 1.75 (+25.0%)"), last);
        assertFalse(last.contains("p50_x_floor slow"), "only the metric that moved");
    }

    /** Two runs of one series in one host state: its p50 multiple and interval in each. */
    private GateRun oneMultiple(double[] baseline, double[] current) throws Exception {
        Path a = new TidyRunFixture(root, "a").multiple("shm-ring", "all", 130, baseline[0], baseline[1], baseline[2]).write();
        Path b = new TidyRunFixture(root, "b").multiple("shm-ring", "all", 130, current[0], current[1], current[2]).write();
        return gate(a, b);
    }

    @Test
    void aChangeInsideTheIntervalsPasses() throws Exception {
        GateRun r = oneMultiple(new double[]{1.4, 1.2, 1.7}, new double[]{1.61, 1.45, 1.8});
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("+15.0% | [1.20, 1.70] / [1.45, 1.80] | pass: beyond 10% but the intervals overlap"), r.out());
    }

    @Test
    void aSmallChangeWithIntervalsApartPasses() throws Exception {
        GateRun r = oneMultiple(new double[]{1.40, 1.39, 1.41}, new double[]{1.50, 1.49, 1.51});
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("pass: within 10%"), r.out());
    }

    @Test
    void throughputIsBetterHigherAndGatedOnlyWithAbsolute() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path slower = run("slower", 1.4, 2.0).throughput("uds", 1, 0, 1).write();
        Path faster = run("faster", 1.4, 2.0).write();
        // Rewrite the ring's throughput: 25% lower in one run, 25% higher in the other.
        replace(slower, "csv/throughput.csv", "10000000,500000", "7500000,500000");
        replace(faster, "csv/throughput.csv", "10000000,500000", "12500000,500000");

        GateRun notAsked = gate(a, slower);
        assertEquals(0, notAsked.exit(), notAsked.out());
        assertTrue(Files.readString(slower.resolve("gate.md")).contains("msgs_per_s | 10,000,000 | 7,500,000 | -25.0% |"
                + " [9,500,000, 10,500,000] / [7,000,000, 8,000,000] | not gated: absolute (gated only with --absolute) |"));

        GateRun worse = gate(a, slower, "--absolute");
        assertEquals(1, worse.exit(), worse.out());
        assertTrue(worse.out().contains("REGRESSED: Q1Transports.throughput transport=shm-ring message_bytes=64 wait_strategy=spin"
                + " msgs_per_s: 10,000,000 -> 7,500,000 (-25.0%)"), worse.out());
        assertTrue(worse.out().contains("new in current"), "a series only the current run has is listed");

        GateRun better = gate(a, faster, "--absolute");
        assertEquals(0, better.exit(), better.out());
        assertTrue(better.out().contains("| +25.0% |") && better.out().contains("improved: better by more than 10%"), better.out());
    }

    @Test
    void absoluteMetricsAreNotGatedAcrossMachines() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path b = run("b", 1.4, 2.0).cpu("Intel Xeon").write();
        replace(b, "csv/throughput.csv", "10000000,500000", "5000000,500000");
        GateRun r = gate(a, b, "--absolute");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("Note: the machines differ (cpu.model 'AMD EPYC' / 'Intel Xeon'): absolute metrics are not"
                + " gated, --absolute notwithstanding."), r.out());
        assertTrue(Files.readString(b.resolve("gate.md")).contains("-50.0% | [9,500,000, 10,500,000] / [4,500,000, 5,500,000] |"
                + " not gated: absolute, and the machines differ |"));
        assertTrue(r.out().contains("Gate passed: 4 metrics gated (4 pass"), "the same-pair ratios are still gated");
    }

    @Test
    void hostStatesArePairedByTheirFloor() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        // One host state only, near the baseline's fast floor, 25% slower than its fast multiple.
        Path b = new TidyRunFixture(root, "b").multiple("shm-ring", "all", 135, 1.75, 1.74, 1.76)
                .p99Multiple("shm-ring", 2.0, 1.9, 2.1).multiple("agrona", "all", 200, 1.6, 1.55, 1.65).write();
        GateRun r = gate(a, b);
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("REGRESSED: " + RING_P50_FAST + ": 1.40 -> 1.75"), r.out());
        String md = Files.readString(b.resolve("gate.md"));
        assertTrue(md.contains("p50_x_floor slow at floor 350 ns | 2.00 |  |  | [1.98, 2.02] /  | not gated: the current run has"
                + " no blocks in this host state |"), md);
        assertTrue(md.contains("p50_x_floor all | 1.70 | 1.75 | +2.9% | [1.40, 2.00] / [1.74, 1.76] | not gated: mixes host states"), md);
        assertTrue(r.out().contains("Note: 1 same-pair multiples met no multiple of the same host state in the other run"), r.out());
    }

    @Test
    void aMissingMetricIsListedAndFailsOnlyWithStrict() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path b = new TidyRunFixture(root, "b").multiple("shm-ring", "all", 200, 1.7, 1.4, 2.0)
                .multiple("shm-ring", "fast", 130, 1.4, 1.39, 1.41).multiple("shm-ring", "slow", 350, 2.0, 1.98, 2.02)
                .p99Multiple("shm-ring", 2.0, 1.9, 2.1).write();
        GateRun lenient = gate(a, b);
        assertEquals(0, lenient.exit(), lenient.out());
        assertTrue(lenient.out().contains("agrona message_bytes=64 wait_strategy=spin p50_x_floor | 1.60 |  |  |")
                && lenient.out().contains("1 missing in current"), lenient.out());
        GateRun strict = gate(a, b, "--strict");
        assertEquals(1, strict.exit(), strict.out());
        assertTrue(strict.lastLines(2).contains("MISSING: Q1Transports.roundTrip transport=agrona message_bytes=64"
                + " wait_strategy=spin p50_x_floor"), strict.out());
    }

    @Test
    void junitXmlIsWellFormedAndHasACasePerGatedMetric() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path b = run("b & <c>", 1.75, 2.0).write();
        assertEquals(1, gate(a, b).exit());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(b.resolve("gate.xml").toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength(), "fast, slow, p99 of the ring; the agrona multiple");
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertTrue(suite.getAttribute("name").contains("b & <c>"), "names are escaped, not broken");
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failed = (Element) failures.item(0).getParentNode();
        assertEquals("p50_x_floor fast", failed.getAttribute("name"));
        assertEquals("Q1Transports.roundTrip transport=shm-ring message_bytes=64 wait_strategy=spin", failed.getAttribute("classname"));
    }

    @Test
    void badInputExitsTwoNamingTheFileAndWritesNothing() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path b = run("b", 1.4, 2.0).write();

        GateRun notARun = gate(root.resolve("results"), b);
        assertEquals(2, notARun.exit());
        assertTrue(notARun.err().contains("is not a run directory"), notARun.err());
        GateRun missing = gate(a, root.resolve("results/nope"));
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());

        replace(b, "csv/floor_multiples.csv", "1.4,1.386,1.414", "1.4,fast!,1.414");
        GateRun corrupt = gate(a, b);
        assertEquals(2, corrupt.exit(), corrupt.out());
        assertTrue(corrupt.err().contains("floor_multiples.csv: line 3, column p50_x_floor_low: 'fast!' is not a number"),
                corrupt.err());
        assertFalse(Files.exists(b.resolve("gate.md")), "nothing written on bad input");

        Files.createDirectories(a.resolve("raw"));
        Files.delete(a.resolve("env.json"));
        GateRun noEnv = gate(a, run("c", 1.4, 2.0).write());
        assertEquals(2, noEnv.exit());
        assertTrue(noEnv.err().contains(a.resolve("env.json") + ": missing"), noEnv.err());

        Path noCsv = run("d", 1.4, 2.0).write();
        Files.delete(noCsv.resolve("csv/throughput.csv"));
        GateRun noRaw = gate(run("e", 1.4, 2.0).write(), noCsv);
        assertEquals(2, noRaw.exit());
        assertTrue(noRaw.err().contains("throughput.csv: missing, and the run has no raw/ to make it from"), noRaw.err());
    }

    @Test
    void nothingInCommonOrNothingToGateIsBadInput() throws Exception {
        Path a = new TidyRunFixture(root, "a").multiple("shm-ring", "all", 130, 1.4, 1.3, 1.5).write();
        Path b = new TidyRunFixture(root, "b").multiple("tcp", "all", 130, 9, 8, 10).write();
        GateRun none = gate(a, b);
        assertEquals(2, none.exit(), none.out());
        assertTrue(none.err().contains("has no metric in common with the baseline"), none.err());

        Path c = new TidyRunFixture(root, "c").throughput("shm-ring", 1e6, 1e4, 100).write();
        Path d = new TidyRunFixture(root, "d").throughput("shm-ring", 1e6, 1e4, 100).write();
        GateRun onlyAbsolute = gate(c, d);
        assertEquals(2, onlyAbsolute.exit(), onlyAbsolute.out());
        assertTrue(onlyAbsolute.err().contains("can be gated with these options: 2 absolute (gated only with --absolute)"),
                onlyAbsolute.err());
        assertEquals(0, gate(c, d, "--absolute").exit());
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        assertEquals(2, gate(a, a, "--tolerance=-5").exit());
        assertEquals(2, gate(a, a, "--tolerance=ten").exit());
        GateRun regex = gate(a, a, "--metrics=p50_x_floor(");
        assertEquals(2, regex.exit());
        assertTrue(regex.err().contains("is not a valid regular expression"), regex.err());
        assertEquals(2, GateRun.of("gate", "--current", a.toString()).exit(), "--baseline is required");
    }

    @Test
    void metricsSelectsWhatIsGated() throws Exception {
        Path a = run("a", 1.4, 2.0).write();
        Path b = run("b", 1.75, 2.0).write();
        GateRun r = gate(a, b, "--metrics=p99_x_floor");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("Gate passed: 1 metrics gated"), r.out());
        assertTrue(Files.readString(b.resolve("gate.md")).contains("not gated: not selected by --metrics"));
    }

    @Test
    void runsWithoutTidyCsvHaveThemMadeFromTheirRawFiles() throws Exception {
        Path a = FixtureRuns.standard(root.resolve("one"));
        Path b = FixtureRuns.standard(root.resolve("two"));
        GateRun r = gate(a, b, "--absolute");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("had no tidy CSV files; they were made from its raw files"), r.out());
        assertTrue(Files.isRegularFile(b.resolve("csv/floor_multiples.csv")));
        assertFalse(Files.exists(root.resolve("two/plots")), "no figures: only the tables");
    }

    private static void replace(Path run, String file, String from, String to) throws Exception {
        Path p = run.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), "fixture text " + from + " in " + text);
        Files.writeString(p, text.replace(from, to));
    }
}
