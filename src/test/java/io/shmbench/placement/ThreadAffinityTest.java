package io.shmbench.placement;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pinning the calling thread on the real host. */
class ThreadAffinityTest {
    @Test
    void pinningMovesTheCallingThreadToEachAllowedCpuAndRestoresItsAffinity() {
        List<Integer> before = ThreadAffinity.get();
        List<Integer> usable = Topology.host().allowedCpus();
        for (int cpu : usable) {
            try (ThreadPin pin = ThreadAffinity.pinTo(cpu)) {
                assertEquals(List.of(cpu), ThreadAffinity.get());
                assertEquals(cpu, ThreadAffinity.currentCpu(), "sched_getcpu after pinning to CPU " + cpu);
                assertEquals(before, pin.previousAffinity());
                // Any work done while pinned stays on the CPU.
                long sum = 0;
                for (int i = 0; i < 1_000_000; i++) {
                    sum += i;
                }
                assertTrue(sum > 0);
                assertEquals(cpu, ThreadAffinity.currentCpu(), "still on CPU " + cpu + " after running");
            }
            assertEquals(before, ThreadAffinity.get(), "affinity restored after CPU " + cpu);
        }
    }

    @Test
    void pinningToACpuThatDoesNotExistFailsWithErrnoTextAndChangesNothing() {
        List<Integer> before = ThreadAffinity.get();
        int missing = CpuList.MAX_CPU;
        PlacementException e = assertThrows(PlacementException.class, () -> ThreadAffinity.pinTo(missing));
        assertTrue(e.getMessage().contains("sched_setaffinity(CPUs " + missing + ") failed: Invalid argument (errno 22)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("allowed here: " + CpuList.format(before)), e.getMessage());
        assertEquals(before, ThreadAffinity.get());
    }

    @Test
    void setAcceptsSeveralCpusAndGetReadsThemBack() {
        List<Integer> before = ThreadAffinity.get();
        try {
            ThreadAffinity.set(List.of(before.getFirst()));
            assertEquals(List.of(before.getFirst()), ThreadAffinity.get());
            ThreadAffinity.set(before);
            assertEquals(before, ThreadAffinity.get());
        } finally {
            ThreadAffinity.set(before);
        }
    }

    @Test
    void pinningAffectsOnlyTheCallingThreadNotTheProcess() throws Exception {
        List<Integer> before = ThreadAffinity.get();
        CountDownLatch pinned = new CountDownLatch(1);
        CompletableFuture<List<Integer>> other = new CompletableFuture<>();
        Thread started = Thread.ofPlatform().start(() -> {
            try {
                if (pinned.await(30, TimeUnit.SECONDS)) {
                    other.complete(ThreadAffinity.get());
                }
            } catch (Throwable t) {
                other.completeExceptionally(t);
            }
        });
        try (ThreadPin pin = ThreadAffinity.pinTo(before.getLast())) {
            pinned.countDown();
            assertEquals(before, other.get(30, TimeUnit.SECONDS), "a thread started before the pin keeps its mask");
            assertEquals(List.of(pin.cpu()), ThreadAffinity.get());
        } finally {
            pinned.countDown();
            started.join(30_000);
        }
        assertEquals(before, ThreadAffinity.get());
    }

    @Test
    void emptyOrNegativeCpuSetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ThreadAffinity.set(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ThreadAffinity.set(List.of(-1)));
    }

    @Test
    void virtualThreadsAreNotPinned() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (ThreadPin pin = ThreadAffinity.pinTo(0)) {
                failure.complete(new AssertionError("a virtual thread was pinned to CPU " + pin.cpu()));
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        Throwable t = failure.get(30, TimeUnit.SECONDS);
        assertTrue(t instanceof IllegalStateException && t.getMessage().contains("carrier"), String.valueOf(t));
    }

    @Test
    void aPinIsReleasedOnlyByItsThread() throws Exception {
        List<Integer> before = ThreadAffinity.get();
        ThreadPin pin = ThreadAffinity.pinTo(before.getFirst());
        try {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    pin.close();
                    failure.complete(null);
                } catch (Throwable t) {
                    failure.complete(t);
                }
            });
            assertTrue(failure.get(30, TimeUnit.SECONDS) instanceof IllegalStateException);
            assertEquals(List.of(before.getFirst()), ThreadAffinity.get(), "still pinned");
        } finally {
            pin.close();
        }
        assertEquals(before, ThreadAffinity.get());
    }
}
