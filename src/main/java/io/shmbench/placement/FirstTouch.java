package io.shmbench.placement;

import io.shmbench.shm.SharedSegment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Places memory on a NUMA node by first touch, without numactl: the kernel's default policy puts a
 * page on the node of the CPU that first faults it in, so work that creates and pre-faults memory
 * (e.g. {@code SharedSegment.create}) is run on a short-lived platform thread pinned to a CPU of the
 * target node. The caller's own thread and affinity are left alone.
 *
 * <p>Every wait has a timeout. When the work overruns it, the caller gets a {@link PlacementException}
 * at once and the result the work produces later is handed to a discard action (by default: unlinked and
 * closed if it is a {@code SharedSegment}, closed if it is {@link AutoCloseable}), so nothing it created is leaked.
 */
public final class FirstTouch {
    private enum State { RUNNING, DONE, ABANDONED }

    private FirstTouch() {
    }

    /**
     * Runs {@code action} on a thread pinned to a usable CPU of {@code node} and returns its result.
     *
     * @throws PlacementException when the node has no usable CPU or no memory, the thread cannot be
     *     pinned, the action fails (its exception is the cause) or overruns {@code timeout}
     */
    public static <T> T onNode(Topology topology, int node, Duration timeout, Callable<? extends T> action) {
        NumaNode target = topology.node(node).orElseThrow(() -> new PlacementException(
                "no NUMA node " + node + " on this host; nodes: " + topology.nodes().stream().map(NumaNode::id).toList()));
        if (!target.hasMemory()) {
            throw new PlacementException("node " + node + " has no memory of its own; first touch from it would place"
                    + " the memory on another node");
        }
        List<Cpu> cpus = topology.usableCpusOn(node);
        if (cpus.isEmpty()) {
            throw new PlacementException("node " + node + " has no usable CPU to first-touch memory from (its CPUs: '"
                    + CpuList.format(target.cpus()) + "', usable CPUs: " + CpuList.format(topology.allowedCpus()) + ")");
        }
        return onCpu(cpus.getFirst().id(), timeout, action);
    }

    /**
     * {@link #onCpu(int, Duration, Callable, Consumer)} discarding a late result: a {@link SharedSegment}
     * is unlinked and closed, any other {@link AutoCloseable} closed.
     */
    public static <T> T onCpu(int cpu, Duration timeout, Callable<? extends T> action) {
        return onCpu(cpu, timeout, action, FirstTouch::discard);
    }

    /**
     * Runs {@code action} on a new platform thread pinned to {@code cpu} (confirmed by
     * {@code sched_getcpu}) and returns its result.
     *
     * @param discardLate receives the result when the action completes after {@code timeout} expired
     * @throws PlacementException when the thread cannot be pinned, the action fails (its exception is
     *     the cause) or overruns {@code timeout}, or the caller is interrupted while waiting
     */
    public static <T> T onCpu(int cpu, Duration timeout, Callable<? extends T> action, Consumer<? super T> discardLate) {
        AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().name("shmbench-first-touch-cpu" + cpu).daemon().unstarted(() -> {
            T value = null;
            try {
                ThreadAffinity.set(List.of(cpu));
                ThreadAffinity.confirmRunningOn(cpu);
                value = action.call();
            } catch (Throwable t) {
                failure.set(t);
            }
            result.set(value);
            if (!state.compareAndSet(State.RUNNING, State.DONE) && value != null) {
                discardLate.accept(value);
            }
            finished.countDown();
        });
        worker.start();
        boolean inTime;
        try {
            inTime = finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (state.compareAndSet(State.RUNNING, State.ABANDONED)) {
                worker.interrupt();
                throw new PlacementException("interrupted while waiting for first-touch work on CPU " + cpu, e);
            }
            inTime = true;
        }
        if (!inTime && state.compareAndSet(State.RUNNING, State.ABANDONED)) {
            worker.interrupt();
            throw new PlacementException("first-touch work on CPU " + cpu + " did not finish within " + timeout
                    + "; its result will be discarded when it does");
        }
        joinBriefly(worker);
        Throwable error = failure.get();
        if (error instanceof PlacementException e) {
            throw e;
        }
        if (error != null) {
            throw new PlacementException("first-touch work on CPU " + cpu + " failed: " + error, error);
        }
        return result.get();
    }

    /** The worker has set DONE and is only counting down its latch; waiting for it cannot hang. */
    private static void joinBriefly(Thread worker) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void discard(Object late) {
        if (late instanceof SharedSegment segment) {
            try {
                segment.unlink();
            } catch (RuntimeException ignored) {
                // still close it below; `run-bench.sh clean` removes what is left of a dead creator
            }
        }
        if (late instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nobody is waiting for this result any more; closing is best effort
            }
        }
    }
}
