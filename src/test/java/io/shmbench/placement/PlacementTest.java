package io.shmbench.placement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which placements each fabricated host can offer, with which CPUs and memory node, or why not. */
class PlacementTest {
    @TempDir
    Path root;

    private static PlacementDecision.Available available(Placement p, Topology t) {
        return assertInstanceOf(PlacementDecision.Available.class, p.resolve(t), p + " on " + t.describe());
    }

    private static String reason(Placement p, Topology t) {
        return assertInstanceOf(PlacementDecision.Unavailable.class, p.resolve(t), p + " on " + t.describe()).reason();
    }

    @Test
    void labelsAreTheNamesTheCommandLineUses() {
        assertEquals(List.of("same-core", "smt-sibling", "cross-core", "cross-node", "cross-node-remote-memory"),
                Placement.labels());
        for (Placement p : Placement.values()) {
            assertSame(p, Placement.fromLabel(p.label()));
        }
    }

    @Test
    void unknownLabelListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Placement.fromLabel("same-socket"));
        assertEquals("unknown placement 'same-socket'; valid placements: same-core, smt-sibling, cross-core, cross-node, "
                + "cross-node-remote-memory", e.getMessage());
    }

    @Test
    void oneNodeTwoCores() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).read();
        assertEquals(new PlacementDecision.Available(Placement.SAME_CORE, 0, 0, 0, 0), available(Placement.SAME_CORE, t));
        assertEquals(new PlacementDecision.Available(Placement.CROSS_CORE, 0, 1, 0, 0), available(Placement.CROSS_CORE, t));
        assertTrue(reason(Placement.SMT_SIBLING, t).startsWith("needs SMT siblings (2 hardware threads of one core)"));
        assertEquals("needs 2 NUMA nodes with usable CPUs; this host has 1 node (usable CPUs: node0 0-1 on 2 cores)",
                reason(Placement.CROSS_NODE, t));
        assertEquals(reason(Placement.CROSS_NODE, t), reason(Placement.CROSS_NODE_REMOTE_MEMORY, t));
    }

    @Test
    void twoSocketsEightCoresSmtOffersEverything() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).read();
        assertEquals(new PlacementDecision.Available(Placement.SAME_CORE, 0, 0, 0, 0), available(Placement.SAME_CORE, t));
        assertEquals(new PlacementDecision.Available(Placement.SMT_SIBLING, 0, 16, 0, 0), available(Placement.SMT_SIBLING, t),
                "the sibling of CPU 0 is 16 here, not the next number");
        assertEquals(new PlacementDecision.Available(Placement.CROSS_CORE, 0, 1, 0, 0), available(Placement.CROSS_CORE, t));
        assertEquals(new PlacementDecision.Available(Placement.CROSS_NODE, 0, 8, 0, 0), available(Placement.CROSS_NODE, t),
                "memory on the writer's node, touched from the writer's CPU");
        assertEquals(new PlacementDecision.Available(Placement.CROSS_NODE_REMOTE_MEMORY, 0, 8, 1, 8),
                available(Placement.CROSS_NODE_REMOTE_MEMORY, t), "memory on the reader's node, touched from the reader's CPU");
        assertEquals(List.of(), Placement.unavailablePlacements(t));
        assertArrayEquals(Placement.labels().toArray(String[]::new), Placement.availableLabels(t));
    }

    @Test
    void choicesAreRealRelationsOnEveryAvailablePlacement() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).allowed("2-5,12,18,28").read();
        for (PlacementDecision.Available a : Placement.availablePlacements(t)) {
            Cpu writer = t.cpu(a.writerCpu()).orElseThrow();
            Cpu reader = t.cpu(a.readerCpu()).orElseThrow();
            assertTrue(t.isUsable(writer.id()) && t.isUsable(reader.id()), a.toString());
            assertEquals(a.memoryNode(), t.cpu(a.memoryCpu()).orElseThrow().node(), a.toString());
            assertTrue(a.memoryCpu() == a.writerCpu() || a.memoryCpu() == a.readerCpu(), a.toString());
            switch (a.placement()) {
                case SAME_CORE -> assertEquals(writer, reader);
                case SMT_SIBLING -> assertTrue(writer.isSmtSiblingOf(reader), a.toString());
                case CROSS_CORE -> assertTrue(writer.node() == reader.node() && !writer.core().equals(reader.core()), a.toString());
                case CROSS_NODE -> assertTrue(writer.node() != reader.node() && a.memoryNode() == writer.node(), a.toString());
                case CROSS_NODE_REMOTE_MEMORY -> assertTrue(writer.node() != reader.node() && a.memoryNode() == reader.node(),
                        a.toString());
            }
        }
        assertEquals(5, Placement.availablePlacements(t).size());
        assertEquals(new PlacementDecision.Available(Placement.SMT_SIBLING, 2, 18, 0, 2), available(Placement.SMT_SIBLING, t));
        assertEquals(new PlacementDecision.Available(Placement.CROSS_NODE, 2, 12, 0, 2), available(Placement.CROSS_NODE, t));
    }

    @Test
    void memoryOnlyNodeDoesNotMakeAHostCrossNode() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).node(1, "").hasMemory("0-1").read();
        String reason = reason(Placement.CROSS_NODE, t);
        assertEquals("needs 2 NUMA nodes with usable CPUs; this host has 2 nodes (usable CPUs: node0 0-1 on 2 cores; "
                + "node1 none, no CPUs)", reason);
        assertTrue(reason(Placement.CROSS_NODE_REMOTE_MEMORY, t).contains("node1 none, no CPUs"));
        assertTrue(available(Placement.CROSS_CORE, t).memoryNode() == 0);
    }

    @Test
    void allowedCpusWithoutSiblingsRuleOutSmtAndSayWhy() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).allowed("0-7").read();
        assertEquals("needs 2 usable SMT siblings (hardware threads of one core); the host has SMT, but the usable CPUs 0-7"
                + " include no two threads of one core on a node with memory", reason(Placement.SMT_SIBLING, t));
        assertEquals("needs 2 NUMA nodes with usable CPUs; this host has 2 nodes (usable CPUs: node0 0-7 on 8 cores; "
                + "node1 none of 8-15,24-31 allowed)", reason(Placement.CROSS_NODE, t));
        assertEquals(new PlacementDecision.Available(Placement.CROSS_CORE, 0, 1, 0, 0), available(Placement.CROSS_CORE, t));
    }

    @Test
    void siblingsOnlyLeaveNoSecondCore() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).allowed("5,21").read();
        assertEquals(new PlacementDecision.Available(Placement.SMT_SIBLING, 5, 21, 0, 5), available(Placement.SMT_SIBLING, t));
        assertEquals("needs usable CPUs on 2 different cores of one NUMA node with memory; this host has 2 nodes "
                + "(usable CPUs: node0 5,21 on 1 core; node1 none of 8-15,24-31 allowed)", reason(Placement.CROSS_CORE, t));
    }

    @Test
    void crossCoreNeedsBothCoresOnOneNode() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).allowed("3,11").read();
        assertTrue(reason(Placement.CROSS_CORE, t).startsWith("needs usable CPUs on 2 different cores of one NUMA node"));
        assertEquals(new PlacementDecision.Available(Placement.CROSS_NODE, 3, 11, 0, 3), available(Placement.CROSS_NODE, t));
        assertEquals(new PlacementDecision.Available(Placement.CROSS_NODE_REMOTE_MEMORY, 3, 11, 1, 11),
                available(Placement.CROSS_NODE_REMOTE_MEMORY, t));
    }

    @Test
    void memoryIsNeverPromisedOnANodeWithoutMemory() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).hasMemory("0").read();
        assertEquals(0, available(Placement.CROSS_NODE, t).memoryNode());
        PlacementDecision.Available remote = available(Placement.CROSS_NODE_REMOTE_MEMORY, t);
        assertEquals(new PlacementDecision.Available(Placement.CROSS_NODE_REMOTE_MEMORY, 8, 0, 0, 0), remote,
                "the reader must sit on the node that has memory");

        Topology noneOnNode0 = FakeSysfs.oneNodeTwoCores(root.resolve("other-host")).hasMemory("").read();
        assertTrue(reason(Placement.SAME_CORE, noneOnNode0).contains("node0 0-1 on 2 cores, no memory"),
                reason(Placement.SAME_CORE, noneOnNode0));
        assertFalse(Placement.CROSS_CORE.resolve(noneOnNode0).isAvailable());
    }

    @Test
    void unavailableIsReportedNotDropped() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).read();
        List<PlacementDecision> all = Placement.resolveAll(t);
        assertEquals(Arrays.asList(Placement.values()), all.stream().map(PlacementDecision::placement).toList());
        assertEquals(List.of(Placement.SMT_SIBLING, Placement.CROSS_NODE, Placement.CROSS_NODE_REMOTE_MEMORY),
                Placement.unavailablePlacements(t).stream().map(PlacementDecision::placement).toList());
        assertArrayEquals(new String[] {"same-core", "cross-core"}, Placement.availableLabels(t));
        String report = Placement.describeUnavailable(t);
        assertEquals(3, report.lines().count());
        assertTrue(report.lines().toList().get(1).startsWith("cross-node: needs 2 NUMA nodes"), report);
    }

    @Test
    void askingForAnUnavailablePlacementGivesTheReason() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).read();
        PlacementUnavailableException e = assertThrows(PlacementUnavailableException.class,
                () -> Placement.CROSS_NODE.resolve(t).orElseThrow());
        assertTrue(e.getMessage().startsWith("placement cross-node is not available on this host: needs 2 NUMA nodes"),
                e.getMessage());
        assertEquals(Placement.CROSS_NODE, e.decision().placement());
        assertEquals(0, Placement.SAME_CORE.resolve(t).orElseThrow().readerCpu());
    }
}
