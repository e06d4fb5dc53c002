package io.shmbench.placement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Topology read from fabricated sysfs trees: what is parsed, what defaults apply, what is refused. */
class TopologyTest {
    @TempDir
    Path root;

    @Test
    void oneNodeTwoCoresWithoutSmt() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).read();
        assertEquals(List.of(0, 1), t.cpus().stream().map(Cpu::id).toList());
        assertEquals(List.of(new Core(0, 0, List.of(0)), new Core(0, 1, List.of(1))), t.cores());
        assertEquals(List.of(new NumaNode(0, List.of(0, 1), true)), t.nodes());
        assertFalse(t.hasSmt());
        assertEquals(List.of(0, 1), t.allowedCpus(), "no status file: every online CPU is allowed");
        assertEquals(1, t.packageCount());
    }

    @Test
    void twoSocketsEightCoresTwoThreads() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).read();
        assertEquals(32, t.cpus().size());
        assertEquals(16, t.cores().size());
        assertEquals(2, t.packageCount());
        assertTrue(t.hasSmt());
        assertEquals(List.of(0, 16), t.cpu(0).orElseThrow().core().cpus());
        assertEquals(List.of(15, 31), t.cpu(31).orElseThrow().core().cpus());
        assertTrue(t.cpu(0).orElseThrow().isSmtSiblingOf(t.cpu(16).orElseThrow()));
        assertFalse(t.cpu(0).orElseThrow().isSmtSiblingOf(t.cpu(1).orElseThrow()));
        assertFalse(t.cpu(0).orElseThrow().isSmtSiblingOf(t.cpu(0).orElseThrow()), "a CPU is not its own sibling");
        assertEquals(1, t.cpu(8).orElseThrow().core().packageId());
        assertEquals(List.of(0, 1), t.nodes().stream().map(NumaNode::id).toList());
        for (Cpu cpu : t.cpus()) {
            int expectedNode = (cpu.id() % 16) / 8;
            assertEquals(expectedNode, cpu.node(), "node of CPU " + cpu.id());
            assertEquals(expectedNode, cpu.core().packageId(), "package of CPU " + cpu.id());
        }
        assertEquals("2 nodes, 2 packages, 16 cores, 32 CPUs, SMT on; usable CPUs 0-31; "
                + "node0 CPUs 0-7,16-23; node1 CPUs 8-15,24-31", t.describe());
    }

    @Test
    void memoryOnlyNodeIsKeptWithoutCpus() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).node(1, "").hasMemory("0-1").read();
        assertEquals(List.of(new NumaNode(0, List.of(0, 1), true), new NumaNode(1, List.of(), true)), t.nodes());
        assertTrue(t.usableCpusOn(1).isEmpty());
        assertTrue(t.describe().endsWith("node0 CPUs 0-1; node1 no CPUs"), t.describe());
    }

    @Test
    void nodeMissingFromHasMemoryHasNoMemory() {
        Topology t = FakeSysfs.oneNodeTwoCores(root).hasMemory("").read();
        assertFalse(t.node(0).orElseThrow().hasMemory());
    }

    @Test
    void noNodeDirectoryMeansOneNodeWithEveryCpu() {
        FakeSysfs tree = new FakeSysfs(root).online("0-3");
        for (int cpu = 0; cpu < 4; cpu++) {
            tree.cpu(cpu, 0, cpu % 2, (cpu % 2) + "," + (cpu % 2 + 2));
        }
        Topology t = tree.read();
        assertEquals(List.of(new NumaNode(0, List.of(0, 1, 2, 3), true)), t.nodes());
        assertEquals(List.of(new Core(0, 0, List.of(0, 2)), new Core(0, 1, List.of(1, 3))), t.cores());
        assertTrue(t.cpus().stream().allMatch(c -> c.node() == 0));
    }

    @Test
    void allowedCpusComeFromTheStatusFileAndStayWithinOnline() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).allowed("0-3,16,40-63").read();
        assertEquals(List.of(0, 1, 2, 3, 16), t.allowedCpus(), "offline CPUs 40-63 are not usable");
        assertEquals(List.of(0, 1, 2, 3, 16), t.usableCpus().stream().map(Cpu::id).toList());
        assertEquals(32, t.cpus().size(), "the host's CPUs are still all described");
        assertTrue(t.usableCpusOn(1).isEmpty());
        assertTrue(t.isUsable(16));
        assertFalse(t.isUsable(17));
    }

    @Test
    void withoutSiblingListsCoresComeFromPackageAndCoreId() {
        FakeSysfs tree = FakeSysfs.twoSocketsEightCoresSmt(root);
        for (int cpu = 0; cpu < 32; cpu++) {
            tree.delete("sys/devices/system/cpu/cpu" + cpu + "/topology/core_cpus_list")
                    .delete("sys/devices/system/cpu/cpu" + cpu + "/topology/thread_siblings_list");
        }
        Topology t = tree.read();
        assertEquals(16, t.cores().size());
        assertEquals(List.of(8, 24), t.cpu(24).orElseThrow().core().cpus(),
                "core_id 0 of package 1 is not core_id 0 of package 0");
    }

    @Test
    void olderKernelsThreadSiblingsListIsEnough() {
        FakeSysfs tree = FakeSysfs.twoSocketsEightCoresSmt(root);
        for (int cpu = 0; cpu < 32; cpu++) {
            tree.delete("sys/devices/system/cpu/cpu" + cpu + "/topology/core_cpus_list");
        }
        assertEquals(List.of(3, 19), tree.read().cpu(19).orElseThrow().core().cpus());
    }

    @Test
    void withoutAnOnlineFileTheCpuDirectoriesCount() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).delete("sys/devices/system/cpu/online")
                .cpu(2, 0, 2, "2").write("sys/devices/system/cpu/cpu2/online", "0\n")
                .write("sys/devices/system/cpu/cpu1/online", "1\n")
                .write("sys/devices/system/cpu/cpufreq/policy0/x", "");
        assertEquals(List.of(0, 1), tree.read().cpus().stream().map(Cpu::id).toList(),
                "cpu2 is offline; cpu0 has no online file, as on real kernels; cpufreq is not a CPU");
    }

    @Test
    void offlineSiblingIsNotPartOfTheCore() {
        Topology t = new FakeSysfs(root).online("0-2").cpu(0, 0, 0, "0,3").cpu(1, 0, 1, "1").cpu(2, 0, 2, "2")
                .node(0, "0-2").read();
        assertEquals(List.of(0), t.cpu(0).orElseThrow().core().cpus());
    }

    // ---- bad input: every error names the file and what is wrong ----

    @Test
    void unparseableCoreIdNamesTheFile() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).write("sys/devices/system/cpu/cpu1/topology/core_id", "one\n");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains(root.resolve("sys/devices/system/cpu/cpu1/topology/core_id").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'one' is not an integer"), e.getMessage());
    }

    @Test
    void unparseableOnlineListNamesTheFile() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).online("0-1,garbage");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains(root.resolve("sys/devices/system/cpu/online").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'garbage'"), e.getMessage());
    }

    @Test
    void unparseableNodeCpulistNamesTheFile() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).write("sys/devices/system/node/node0/cpulist", "0-1\u0000\n");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains(root.resolve("sys/devices/system/node/node0/cpulist").toString()), e.getMessage());
    }

    @Test
    void nodeDirectoryWithoutCpulistNamesTheMissingFile() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).write("sys/devices/system/node/node1/meminfo", "");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains(root.resolve("sys/devices/system/node/node1/cpulist") + ": the file does not exist"),
                e.getMessage());
    }

    @Test
    void contradictorySiblingListsAreRefused() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).cpu(0, 0, 0, "0-1");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().startsWith("inconsistent SMT siblings"), e.getMessage());
        assertTrue(e.getMessage().contains("cpu0/topology/core_cpus_list says '0-1'"), e.getMessage());
        assertTrue(e.getMessage().contains("cpu1/topology/core_cpus_list says '1'"), e.getMessage());
    }

    @Test
    void siblingListWithoutTheCpuItselfIsRefused() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).cpu(1, 0, 1, "0");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains("do not include cpu1 itself"), e.getMessage());
    }

    @Test
    void cpuInTwoNodesIsRefused() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).node(1, "1");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains("CPU 1 is listed by both"), e.getMessage());
    }

    @Test
    void cpuInNoNodeIsRefused() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).node(0, "0");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains("online CPUs 1 are in no node's cpulist"), e.getMessage());
    }

    @Test
    void statusFileWithoutAllowedListIsRefused() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).write("proc/self/status", "Name:\tjava\n");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains(root.resolve("proc/self/status") + " has no Cpus_allowed_list: line"), e.getMessage());
    }

    @Test
    void allowedListNamingNoOnlineCpuIsRefused() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).allowed("4-7");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains("may run only on CPUs 4-7"), e.getMessage());
        assertTrue(e.getMessage().contains("online: 0-1"), e.getMessage());
    }

    @Test
    void unparseableAllowedListNamesTheFile() {
        FakeSysfs tree = FakeSysfs.oneNodeTwoCores(root).allowed("0-1;2");
        TopologyException e = assertThrows(TopologyException.class, tree::read);
        assertTrue(e.getMessage().contains("Cpus_allowed_list: in " + root.resolve("proc/self/status")), e.getMessage());
    }

    @Test
    void aRootWithoutSysfsIsRefused() {
        TopologyException e = assertThrows(TopologyException.class, () -> Topology.read(root));
        assertTrue(e.getMessage().contains(root.resolve("sys/devices/system/cpu") + ": it is not a directory"), e.getMessage());
    }
}
