package io.shmbench.placement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** move_pages in query mode reports what the kernel did, not what was hoped for. */
class PageNodesTest {
    private static final int PAGE = 4096;
    private static final int ENOENT = 2;

    @Test
    void untouchedPagesAreNotResidentAndTouchedOnesAreOnTheToucherNode(@TempDir Path dir) throws Exception {
        Topology t = Topology.host();
        int cpu = t.allowedCpus().getFirst();
        int node = t.cpu(cpu).orElseThrow().node();
        try (Arena arena = Arena.ofShared();
             FileChannel channel = FileChannel.open(dir.resolve("sparse"), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.truncate(8L * PAGE);
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, 8L * PAGE, arena);
            int[] untouched = PageNodes.of(mapped);
            assertEquals(8, untouched.length);
            assertTrue(Arrays.stream(untouched).allMatch(n -> n == -ENOENT), Arrays.toString(untouched));
            PlacementException partial = assertThrows(PlacementException.class, () -> PageNodes.requireOnNode(mapped, node));
            assertTrue(partial.getMessage().contains("of 8 pages, 8 not resident (No such file or directory)"),
                    partial.getMessage());

            FirstTouch.onCpu(cpu, java.time.Duration.ofSeconds(30), () -> {
                mapped.set(ValueLayout.JAVA_BYTE, 3L * PAGE, (byte) 1);
                return null;
            });
            int[] after = PageNodes.of(mapped);
            assertEquals(node, after[3], Arrays.toString(after));
            assertEquals(7, Arrays.stream(after).filter(n -> n == -ENOENT).count(), Arrays.toString(after));
        }
    }

    @Test
    void aSliceCountsEveryPageItSpans() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(4L * PAGE, PAGE);
            block.fill((byte) 7);
            assertEquals(1, PageNodes.of(block.asSlice(10, 20)).length);
            assertEquals(2, PageNodes.of(block.asSlice(PAGE - 1, 2)).length);
            assertEquals(4, PageNodes.of(block).length);
            int node = PageNodes.of(block)[0];
            assertTrue(node >= 0, "touched heap memory is resident");
            PageNodes.requireOnNode(block, node);
        }
    }
}
