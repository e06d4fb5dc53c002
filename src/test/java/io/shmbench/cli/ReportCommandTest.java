package io.shmbench.cli;

import io.shmbench.report.FixtureRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run-bench.sh report}: exit 0 on a good run, 1 naming a bad input, 2 on usage errors. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void reportsAGoodRunAndExitsZero() throws Exception {
        Path run = FixtureRuns.standard(dir);
        Run r = execute("report", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Round trip at 64 B"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("plots").resolve(run.getFileName()).resolve("index.html")));
        assertTrue(Files.isRegularFile(run.resolve("csv/latency_summary.csv")));
    }

    @Test
    void followsTheLatestSymlinkToTheRunId() throws Exception {
        Path run = FixtureRuns.standard(dir);
        Path latest = Files.createSymbolicLink(run.resolveSibling("latest"), run.getFileName());
        Run r = execute("report", latest.toString(), "--plots", dir.resolve("elsewhere").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere/index.html")));
    }

    @Test
    void badInputExitsOneAndNamesTheFile() throws Exception {
        Path run = FixtureRuns.standard(dir);
        Files.delete(run.resolve("raw/jmh.json"));
        Run r = execute("report", run.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("raw/jmh.json: missing"), r.err());
    }

    @Test
    void theResultsFolderIsNotARunAndNothingIsWritten() throws Exception {
        Path run = FixtureRuns.standard(dir);
        Path results = run.getParent();
        Files.createSymbolicLink(results.resolve("latest"), run.getFileName());
        Run r = execute("report", results.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("is not a run directory") && r.err().contains("latest"), r.err());
        assertTrue(!Files.exists(results.resolve("csv")), "no CSV written into the results folder");
        assertTrue(!Files.exists(dir.resolve("plots")), "no figures written anywhere");
        assertTrue(!Files.exists(run.resolve("csv")), "nor into the run");
    }

    @Test
    void usageErrorsExitTwo() {
        Run missingDir = execute("report", dir.resolve("no-such-run").toString());
        assertEquals(2, missingDir.code());
        assertTrue(missingDir.err().contains("does not exist"), missingDir.err());
        assertEquals(2, execute("report").code(), "no run directory");
        assertEquals(2, execute("report", "--bogus", dir.toString()).code(), "unknown option");
    }
}
