package io.shmbench.queue;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A cursor's one background thread, which keeps the costly steps of moving from chunk to chunk off
 * the message path: preparing (appender) or mapping and populating (tailer) the next chunk ahead of
 * need, and unmapping the chunk left behind (closing a shared arena is a handshake with every
 * thread, some hundred microseconds). A daemon thread named after the queue directory, started with
 * the cursor and stopped by its {@link #close}, which waits for it.
 *
 * <p>The thread inherits the CPU affinity of the thread that opened the cursor (a pinned benchmark
 * thread's core, say): it runs where its owner runs, briefly, once per chunk.
 */
final class ChunkWorker implements AutoCloseable {
    /** Longest wait for the thread to stop: it stops at its next interruptible step. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService executor;
    private final String name;

    ChunkWorker(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /**
     * Runs {@code step} (unmapping a chunk left behind, removing a temporary name) on the background
     * thread, or in {@link #close} at the latest: it is never dropped.
     */
    void later(Runnable step) {
        try {
            executor.execute(step);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            step.run(); // closed already
        }
    }

    /**
     * Stops the thread (interrupting a task in progress; submitted tasks not started are dropped,
     * {@link #later} steps not started run here) and waits up to {@link #STOP_TIMEOUT} for it. Idempotent.
     */
    @Override
    public void close() {
        for (Runnable notStarted : executor.shutdownNow()) {
            if (!(notStarted instanceof Future<?>)) {
                notStarted.run(); // a later(...) step: cleanup is never dropped; submitted work is
            }
        }
        boolean stopped;
        try {
            stopped = executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            throw new QueueException("the background thread " + name + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
    }
}
