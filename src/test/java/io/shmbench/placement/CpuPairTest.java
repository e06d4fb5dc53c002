package io.shmbench.placement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuPairTest {
    @TempDir
    Path root;

    @Test
    void allPairsOfTwoSocketsEightCoresSmt() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).read();
        List<CpuPair> pairs = CpuPair.allPairs(t);
        assertEquals(32 * 31 / 2, pairs.size());
        Set<String> distinct = new HashSet<>();
        for (CpuPair p : pairs) {
            assertTrue(p.writerCpu() < p.readerCpu(), p.toString());
            assertTrue(distinct.add(p.label()), "duplicate " + p);
        }
        Map<Placement, Long> byRelation = pairs.stream().collect(Collectors.groupingBy(CpuPair::relation, Collectors.counting()));
        // 16 cores with one sibling pair each; 2 nodes x C(16,2) minus those; 16 x 16 across nodes.
        assertEquals(Map.of(Placement.SMT_SIBLING, 16L, Placement.CROSS_CORE, 2L * 120 - 16, Placement.CROSS_NODE, 256L),
                byRelation);
        Map<String, CpuPair> byLabel = pairs.stream().collect(Collectors.toMap(CpuPair::label, Function.identity()));
        assertEquals(Placement.SMT_SIBLING, byLabel.get("0:16").relation());
        assertEquals(Placement.CROSS_CORE, byLabel.get("0:1").relation());
        assertEquals(Placement.CROSS_CORE, byLabel.get("0:17").relation());
        assertEquals(Placement.CROSS_NODE, byLabel.get("0:8").relation());
    }

    @Test
    void onlyUsableCpusArePaired() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).allowed("1,9,17").read();
        assertEquals(List.of(new CpuPair(1, 9, Placement.CROSS_NODE), new CpuPair(1, 17, Placement.SMT_SIBLING),
                new CpuPair(9, 17, Placement.CROSS_NODE)), CpuPair.allPairs(t));
    }

    @Test
    void oneUsableCpuHasNoPairs() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).allowed("1").read();
        assertEquals(List.of(), CpuPair.allPairs(t));
    }

    @Test
    void labelParsesBackToThePair() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).read();
        assertEquals(new CpuPair(24, 8, Placement.SMT_SIBLING), CpuPair.parse("24:8", t));
        for (CpuPair p : CpuPair.allPairs(t)) {
            assertEquals(p, CpuPair.parse(p.label(), t));
        }
    }

    @Test
    void badLabelsAreRefusedClearly() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).allowed("0-15").read();
        assertEquals("'0,1' is not a CPU pair; expected WRITER:READER, e.g. 0:1",
                assertThrows(IllegalArgumentException.class, () -> CpuPair.parse("0,1", t)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CpuPair.parse("0:1:2", t));
        assertThrows(IllegalArgumentException.class, () -> CpuPair.parse(":1", t));
        assertEquals("CPU pair '0:16': CPU 16 is not a usable CPU of this host (usable: 0-15)",
                assertThrows(IllegalArgumentException.class, () -> CpuPair.parse("0:16", t)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuPair.parse("0:99", t)).getMessage()
                .contains("CPU 99 is not a usable CPU"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuPair.parse("3:3", t)).getMessage()
                .contains("that is placement same-core"));
    }
}
