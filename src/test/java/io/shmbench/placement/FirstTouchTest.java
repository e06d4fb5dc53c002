package io.shmbench.placement;

import io.shmbench.shm.SharedSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstTouchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void runsTheActionOnTheRequestedCpuAndLeavesTheCallerAlone() {
        List<Integer> callerMask = ThreadAffinity.get();
        for (int cpu : Topology.host().allowedCpus()) {
            int ranOn = FirstTouch.onCpu(cpu, TIMEOUT, ThreadAffinity::currentCpu);
            assertEquals(cpu, ranOn);
            assertEquals(List.of(cpu), FirstTouch.onCpu(cpu, TIMEOUT, ThreadAffinity::get));
        }
        assertEquals(callerMask, ThreadAffinity.get());
    }

    @Test
    void segmentCreatedOnANodeHasEveryPageThere() {
        Topology t = Topology.host();
        for (PlacementDecision.Available placement : Placement.availablePlacements(t)) {
            SharedSegment segment = FirstTouch.onCpu(placement.memoryCpu(), TIMEOUT,
                    () -> SharedSegment.create("placementtest", 1 << 20));
            try {
                PageNodes.requireOnNode(segment.memory(), placement.memoryNode());
            } finally {
                segment.unlink();
                segment.close();
            }
            assertFalse(Files.exists(segment.path()));
        }
        int node = t.usableCpus().getFirst().node();
        try (SharedSegment segment = FirstTouch.onNode(t, node, TIMEOUT, () -> SharedSegment.create("placementtest", 64 * 1024))) {
            try {
                PageNodes.requireOnNode(segment.memory(), node);
            } finally {
                segment.unlink();
            }
        }
    }

    @Test
    void aFailingActionIsReportedWithItsCause() {
        IOException cause = new IOException("disk on fire");
        int cpu = Topology.host().allowedCpus().getFirst();
        PlacementException e = assertThrows(PlacementException.class,
                () -> FirstTouch.onCpu(cpu, TIMEOUT, () -> { throw cause; }));
        assertSame(cause, e.getCause());
        assertEquals("first-touch work on CPU " + cpu + " failed: java.io.IOException: disk on fire", e.getMessage());
    }

    @Test
    void anUnpinnableCpuIsReported() {
        PlacementException e = assertThrows(PlacementException.class,
                () -> FirstTouch.onCpu(CpuList.MAX_CPU, TIMEOUT, () -> "never runs"));
        assertTrue(e.getMessage().contains("sched_setaffinity(CPUs " + CpuList.MAX_CPU + ") failed: Invalid argument"),
                e.getMessage());
    }

    @Test
    void anOverrunningActionTimesOutAndItsLateResultIsClosed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        int cpu = Topology.host().allowedCpus().getFirst();
        try {
            PlacementException e = assertThrows(PlacementException.class, () -> FirstTouch.onCpu(cpu, Duration.ofMillis(50), () -> {
                awaitIgnoringInterrupts(release);
                return (AutoCloseable) closed::countDown;
            }));
            assertTrue(e.getMessage().contains("did not finish within PT0.05S"), e.getMessage());
        } finally {
            release.countDown();
        }
        assertTrue(closed.await(30, TimeUnit.SECONDS), "the late result was closed");
    }

    @Test
    void aLateSharedSegmentGoesToTheDiscardAction() throws Exception {
        CountDownLatch discarded = new CountDownLatch(1);
        int cpu = Topology.host().allowedCpus().getFirst();
        Path path = segmentCreatedTooLate((timeout, action) -> FirstTouch.onCpu(cpu, timeout, action, late -> {
            late.unlink();
            late.close();
            discarded.countDown();
        }));
        try {
            assertTrue(discarded.await(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(path), path + " left behind");
        } finally {
            Files.deleteIfExists(path);
        }
    }

    @Test
    void theDefaultDiscardUnlinksALateSharedSegment() throws Exception {
        int cpu = Topology.host().allowedCpus().getFirst();
        Path path = segmentCreatedTooLate((timeout, action) -> FirstTouch.onCpu(cpu, timeout, action));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.exists(path) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(Files.exists(path), path + " left behind");
        } finally {
            Files.deleteIfExists(path);
        }
    }

    /**
     * Has {@code firstTouch} run an action that creates a segment only after the caller gave up
     * waiting, and returns the segment's path once it exists.
     */
    private static Path segmentCreatedTooLate(BiFunction<Duration, Callable<SharedSegment>, SharedSegment> firstTouch)
            throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch created = new CountDownLatch(1);
        AtomicReference<Path> path = new AtomicReference<>();
        try {
            PlacementException e = assertThrows(PlacementException.class, () -> firstTouch.apply(Duration.ofMillis(50), () -> {
                awaitIgnoringInterrupts(release);
                SharedSegment segment = SharedSegment.create("placementtest", 4096);
                path.set(segment.path());
                created.countDown();
                return segment;
            }));
            assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
        } finally {
            release.countDown();
        }
        assertTrue(created.await(30, TimeUnit.SECONDS), "the late action created its segment");
        return path.get();
    }

    @Test
    void aNodeWithoutUsableCpusOrMemoryIsRefused(@TempDir Path root) {
        Topology t = FakeSysfs.oneNodeTwoCores(root).node(1, "").node(2, "").hasMemory("0-1").read();
        PlacementException noCpu = assertThrows(PlacementException.class, () -> FirstTouch.onNode(t, 1, TIMEOUT, () -> 1));
        assertTrue(noCpu.getMessage().startsWith("node 1 has no usable CPU to first-touch memory from"), noCpu.getMessage());
        PlacementException noMemory = assertThrows(PlacementException.class, () -> FirstTouch.onNode(t, 2, TIMEOUT, () -> 1));
        assertTrue(noMemory.getMessage().startsWith("node 2 has no memory of its own"), noMemory.getMessage());
        PlacementException noNode = assertThrows(PlacementException.class, () -> FirstTouch.onNode(t, 7, TIMEOUT, () -> 1));
        assertEquals("no NUMA node 7 on this host; nodes: [0, 1, 2]", noNode.getMessage());
    }

    /** Stands for work that does not respond to interruption, as a blocking native call would not. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                latch.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // keep waiting: this action is the kind that cannot be interrupted
            }
        }
    }

    @Test
    void anInterruptibleOverrunningActionIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        int cpu = Topology.host().allowedCpus().getFirst();
        assertThrows(PlacementException.class, () -> FirstTouch.onCpu(cpu, Duration.ofMillis(50), () -> {
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }));
        assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the worker was interrupted when the caller gave up");
    }
}
