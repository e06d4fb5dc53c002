package io.shmbench.measure;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageFaultCountTest {
    @Test
    void minorAndMajorFaultsAreFieldsTenAndTwelveCountedFromTheCommandNamesEnd() {
        String stat = "4242 (a (strange) name) S 1 4242 4242 0 -1 4194560 1500 0 7 0 12 3 0 0 20 0 1 0 100 0 0";
        assertEquals(1507, PageFaultCount.fromStat(stat));
        assertThrows(IllegalArgumentException.class, () -> PageFaultCount.fromStat("4242 (short) S 1 2"));
    }

    @Test
    void touchingFreshPagesCountsInThisThreadAndThisProcess() {
        long pid = ProcessHandle.current().pid();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment usage = PageFaultCount.usageBuffer(arena);
            long processBefore = PageFaultCount.ofProcess(pid);
            long before = PageFaultCount.ofThisThread(usage);
            MemorySegment fresh = arena.allocate(64 * 4096, 4096);
            for (long offset = 0; offset < fresh.byteSize(); offset += 4096) {
                fresh.set(java.lang.foreign.ValueLayout.JAVA_BYTE, offset, (byte) 1);
            }
            long faults = PageFaultCount.ofThisThread(usage) - before;
            assertTrue(faults >= 1, "faults of this thread after writing 64 fresh pages: " + faults);
            assertTrue(PageFaultCount.ofProcess(pid) - processBefore >= faults, "the process counts its threads' faults");
        }
    }
}
