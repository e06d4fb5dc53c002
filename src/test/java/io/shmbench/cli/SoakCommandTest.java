package io.shmbench.cli;

import io.shmbench.shm.SharedSegment;
import io.shmbench.shm.SuiteName;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run-bench.sh soak} for real but short: two transports and the ring in both modes with
 * writer kills, through {@link Main#execute}; and a soak stopped with SIGTERM in a child JVM, which
 * must leave no process and no segment behind. No timing is asserted.
 */
@ExtendWith(NoLeaks.class)
class SoakCommandTest {
    /** One row of the summary table: target, slices, sent, received, missed, (torn), corrupt, unreported, kills, result. */
    private static final Pattern ROW = Pattern.compile(
            "(?m)^(\\S+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(-?\\d+) +(\\d+)  (OK|FAILED|not run)$");

    private record Row(long slices, long sent, long received, long missed, long torn, long corrupt, long unreported, long kills,
                       String result) {
    }

    private static Map<String, Row> rows(String out) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(out);
        while (m.find()) {
            rows.put(m.group(1), new Row(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                    Long.parseLong(m.group(9)), m.group(10)));
        }
        return rows;
    }

    @Test
    void aShortSoakOverTwoTransportsAndBothRingModesLosesNothingUnreportedAndCorruptsNothing() {
        CommandRun run = CommandRun.main("soak", "--minutes", "0.6", "--transport", "uds,mq,ring", "--kill-every", "0.5",
                "--size", "2048");
        assertEquals(0, run.exit(), run.toString());
        Map<String, Row> rows = rows(run.out());
        assertEquals(List.of("uds", "mq", "ring-blocking", "ring-overwrite"), List.copyOf(rows.keySet()), run.toString());
        rows.forEach((target, row) -> {
            assertEquals("OK", row.result(), target + ": " + run);
            assertEquals(1, row.slices(), target);
            assertTrue(row.sent() > 0, target + " sent messages: " + run);
            assertEquals(0, row.corrupt(), target + " delivered corrupt messages: " + run);
            assertEquals(0, row.unreported(), target + ": " + run);
            assertEquals(row.sent(), row.received() + row.missed(), target + ": every message received or reported missed: " + run);
        });
        for (String transport : List.of("uds", "mq")) {
            assertEquals(0, rows.get(transport).missed(), transport + " is lossless");
            assertEquals(0, rows.get(transport).kills(), transport + " has no writer kills");
        }
        assertEquals(0, rows.get("ring-blocking").missed(), "BLOCKING mode is lossless, across writer kills too: " + run);
        for (String mode : List.of("ring-blocking", "ring-overwrite")) {
            assertTrue(rows.get(mode).kills() > 0, mode + ": writers were killed: " + run);
        }
        assertTrue(run.out().contains("[1/4] uds") && run.out().contains("[4/4] ring-overwrite"), "progress lines: " + run);
        assertTrue(run.out().contains("soak: OK ("), run.toString());
    }

    @Test
    void sigtermStopsTheSoakAndLeavesNoWriterProcessOrSegment(@TempDir Path work) throws Exception {
        try (SuiteProcess soak = SuiteProcess.start(work, "soak", "--minutes", "2", "--transport", "ring-blocking",
                "--kill-every", "0.5")) {
            awaitRingAndWriter(soak);
            soak.notePids();
            Set<Long> pids = soak.pidsSeen();
            soak.process().destroy(); // SIGTERM, the shutdown hook path Ctrl-C takes too
            int exit = soak.waitFor(Duration.ofSeconds(60));
            assertEquals(143, exit, soak.output());
            String out = soak.output();
            assertTrue(out.contains("INTERRUPTED"), out);
            assertTrue(out.contains("soak: interrupted, no failure so far"), out);
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(p -> p.onExit().completeOnTimeout(p, 30, java.util.concurrent.TimeUnit.SECONDS).join());
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " outlived the soak");
            }
            assertEquals(List.of(), suiteEntries(SharedSegment.DEFAULT_DIR, pids), "segments left behind");
            assertEquals(List.of(), suiteEntries(work.resolve("tmp"), pids), "log directories left behind");
        }
    }

    /** Waits until the soak has a ring segment and a writer process running (the moment to interrupt it). */
    private static void awaitRingAndWriter(SuiteProcess soak) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            boolean writer = soak.process().descendants().findAny().isPresent(); // a ring-only soak starts writers only
            boolean ring = !suiteEntries(SharedSegment.DEFAULT_DIR, Set.of(soak.process().pid())).isEmpty();
            if (writer && ring) {
                return;
            }
            if (!soak.process().isAlive() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("the soak did not get to its ring and writer" + soak.output());
            }
            Thread.sleep(100);
        }
    }

    private static List<String> suiteEntries(Path dir, Set<Long> pids) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> SuiteName.parse(name).map(s -> pids.contains(s.creatorPid())).orElse(false))
                    .toList();
        }
    }
}
