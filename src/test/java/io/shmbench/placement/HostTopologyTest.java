package io.shmbench.placement;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real host's /sys parses into a topology that agrees with what the JVM and the kernel say. */
class HostTopologyTest {
    @Test
    void realSysfsIsConsistentWithTheJvmAndTheKernel() throws Exception {
        Topology t = Topology.host();
        int jvm = Runtime.getRuntime().availableProcessors();
        // The JVM counts this thread's affinity, further capped by a cgroup CPU quota, so never more.
        assertTrue(jvm <= t.allowedCpus().size(), jvm + " available processors vs " + t.describe());
        assertTrue(jvm >= 1);

        // A thread started by an unpinned thread has the process's mask, which is what the topology read.
        CompletableFuture<List<Integer>> fresh = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> fresh.complete(ThreadAffinity.get()));
        List<Integer> freshMask = fresh.get(30, TimeUnit.SECONDS);
        assertEquals(t.allowedCpus(), freshMask.stream().filter(cpu -> t.cpu(cpu).isPresent()).toList());

        assertEquals(CpuList.read(Path.of("/sys/devices/system/cpu/online")), t.cpus().stream().map(Cpu::id).toList());
        List<Integer> inNodes = new ArrayList<>();
        t.nodes().forEach(n -> inNodes.addAll(n.cpus()));
        assertEquals(t.cpus().size(), inNodes.size(), "each CPU in exactly one node");
        assertEquals(t.cpus().size(), t.cores().stream().mapToInt(c -> c.cpus().size()).sum(), "each CPU in one core");
        if (Files.isDirectory(Path.of("/sys/devices/system/node/node0"))) {
            assertEquals(CpuList.read(Path.of("/sys/devices/system/node/node0/cpulist")), t.node(0).orElseThrow().cpus());
        }
        assertTrue(t.isUsable(ThreadAffinity.currentCpu()), "this thread runs on a usable CPU");
    }

    @Test
    void everyPlacementOnThisHostIsEitherUsableOrExplained() {
        Topology t = Topology.host();
        System.out.println("host topology: " + t.describe());
        for (PlacementDecision d : Placement.resolveAll(t)) {
            System.out.println("  " + d);
            switch (d) {
                case PlacementDecision.Available a -> {
                    assertTrue(t.isUsable(a.writerCpu()) && t.isUsable(a.readerCpu()), a.toString());
                    assertEquals(a.memoryNode(), t.cpu(a.memoryCpu()).orElseThrow().node(), a.toString());
                }
                case PlacementDecision.Unavailable u -> assertTrue(u.reason().startsWith("needs "), u.toString());
            }
        }
        assertTrue(Placement.SAME_CORE.resolve(t).isAvailable(), "any host offers one CPU");
        assertEquals(t.allowedCpus().size() * (t.allowedCpus().size() - 1) / 2, CpuPair.allPairs(t).size());
    }
}
