package io.shmbench.measure;

import io.shmbench.shm.DeadProcess;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NoLeaks.class)
class ProcessCpuTimeTest {
    /** A real line of this machine's /proc/<pid>/stat with utime 250 and stime 50 ticks and an awkward command name. */
    private static final String STAT = "4242 (java (peer) x) S 4200 4242 15020 0 -1 4194304 98 0 0 0 250 50 0 0 20 0 31 0 "
            + "438008 3133440 359 18446744073709551615 94001583304704 94001583324585 140728022566592 0 0 0 0 0 0 0 0 0 17 1 "
            + "0 0 0 0 0 94001583340592 94001583342208 94002251059200 140728022571747 140728022571767 140728022571767 "
            + "140728022573035 0\n";

    @TempDir
    Path dir;

    @Test
    void readsUserPlusSystemTicksOfAFabricatedStatFile() throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, STAT);

        assertEquals(3_000_000_000L, ProcessCpuTime.fromStatFile(stat, 100), "300 ticks of 10 ms");
        assertEquals(300_000_000L, ProcessCpuTime.fromStatFile(stat, 1000), "300 ticks of 1 ms");
    }

    @Test
    void refusesWhatIsNotAStatLineNamingTheFile() throws Exception {
        Path noName = dir.resolve("no-name");
        Files.writeString(noName, "4242 java S 1 2 3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessCpuTime.fromStatFile(noName, 100));
        assertTrue(e.getMessage().contains(noName.toString()) && e.getMessage().contains("')'"), e.getMessage());

        Path shortLine = dir.resolve("short");
        Files.writeString(shortLine, "4242 (java) S 1 2 3 4 5");
        e = assertThrows(IllegalArgumentException.class, () -> ProcessCpuTime.fromStatFile(shortLine, 100));
        assertTrue(e.getMessage().contains("fields"), e.getMessage());

        Path notTicks = dir.resolve("not-ticks");
        Files.writeString(notTicks, STAT.replace(" 250 50 ", " 250 x "));
        e = assertThrows(IllegalArgumentException.class, () -> ProcessCpuTime.fromStatFile(notTicks, 100));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ProcessCpuTime.fromStatFile(dir.resolve("gone"), 100));
        assertTrue(e.getMessage().contains("no such process"), e.getMessage());
    }

    @Test
    void readsAnotherProcessesCpuTimeAndAgreesWithProc() {
        try (ChildJvm child = ChildJvm.start(CpuBurner.class)) {
            child.expectLine("ready");
            child.send("burn 300");
            long burnt = Long.parseLong(child.expectLine("burnt ").split(" ")[1]);

            Path stat = Path.of("/proc", Long.toString(child.pid()), "stat");
            long ticks = ProcessCpuTime.ticksPerSecond();
            long before = ProcessCpuTime.fromStatFile(stat, ticks);
            long clock = ProcessCpuTime.nanos(child.pid());
            long after = ProcessCpuTime.fromStatFile(stat, ticks);

            assertTrue(clock >= burnt, "the child's burning thread alone used " + burnt + " ns; the process clock shows " + clock);
            long tick = 1_000_000_000L / ticks;
            // /proc truncates each of utime and stime to whole ticks: at most two ticks below the clock.
            assertTrue(before <= clock + tick && clock <= after + 2 * tick,
                    "/proc says " + before + ".." + after + " ns, the clock " + clock + " ns");
        }
    }

    @Test
    void countsThisProcessToo() {
        long before = ProcessCpuTime.nanos(ProcessHandle.current().pid());
        var thread = java.lang.management.ManagementFactory.getThreadMXBean();
        long threadStart = thread.getCurrentThreadCpuTime();
        long sink = 0;
        while (thread.getCurrentThreadCpuTime() - threadStart < 50_000_000L) {
            sink += sink ^ 7;
        }
        long after = ProcessCpuTime.nanos(ProcessHandle.current().pid());
        assertTrue(after - before >= 50_000_000L, "this thread alone used 50 ms; the process clock moved " + (after - before)
                + " ns (" + (sink & 1) + ")");
    }

    @Test
    void aProcessThatIsGoneIsAClearError() throws Exception {
        long dead = DeadProcess.pid();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessCpuTime.nanos(dead));
        assertTrue(e.getMessage().contains(Long.toString(dead)), e.getMessage());
    }
}
