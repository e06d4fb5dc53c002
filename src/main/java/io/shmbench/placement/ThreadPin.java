package io.shmbench.placement;

import java.util.List;

/**
 * A thread pinned to one CPU by {@link ThreadAffinity#pinTo}; closing it gives the thread back the
 * affinity it had before. Close it on the thread that was pinned (affinity calls act on the calling
 * thread).
 */
public final class ThreadPin implements AutoCloseable {
    private final Thread owner;
    private final int cpu;
    private final List<Integer> previousAffinity;
    private boolean closed;

    ThreadPin(Thread owner, int cpu, List<Integer> previousAffinity) {
        this.owner = owner;
        this.cpu = cpu;
        this.previousAffinity = List.copyOf(previousAffinity);
    }

    public int cpu() {
        return cpu;
    }

    /** The CPUs the thread was allowed before it was pinned, restored by {@link #close()}. */
    public List<Integer> previousAffinity() {
        return previousAffinity;
    }

    /** Restores the previous affinity. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a pin must be released by the thread it pinned (" + owner.getName()
                    + "), not by " + Thread.currentThread().getName());
        }
        ThreadAffinity.set(previousAffinity);
        closed = true;
    }

    @Override
    public String toString() {
        return "ThreadPin[" + owner.getName() + " on CPU " + cpu + "]";
    }
}
