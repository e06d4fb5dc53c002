package io.shmbench.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happens when a run gets SIGINT or SIGTERM: a shutdown hook stops this process's children
 * (JMH forks, and through them their peers) and, once the run loop has stopped, saves what was
 * measured and marks the run incomplete. The run loop and the hook agree through one state, so
 * exactly one of them writes the final record.
 */
final class InterruptGuard implements AutoCloseable {
    /** How long the hook waits for the run loop to notice and stop. */
    static final long LOOP_STOP_TIMEOUT_MS = 20_000;
    /** How long a child gets after SIGTERM before it is killed. */
    static final long CHILD_GRACE_MS = 5_000;
    private static final long POLL_MS = 100;

    private enum State { RUNNING, FINISHING, INTERRUPTED }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final CountDownLatch loopStopped = new CountDownLatch(1);
    private final CountDownLatch saved = new CountDownLatch(1);
    private final Runnable saveInterrupted;
    private final Thread hook;

    /** @param saveInterrupted writes what was measured and marks the run incomplete; runs in the hook */
    InterruptGuard(Runnable saveInterrupted) {
        this.saveInterrupted = saveInterrupted;
        this.hook = new Thread(this::onShutdown, "shmbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether the run was interrupted; the loop checks it before each run. */
    boolean interrupted() {
        return state.get() == State.INTERRUPTED;
    }

    /** The loop ended by itself: true when it may write the final record (no interruption won the race). */
    boolean finishNormally() {
        return state.compareAndSet(State.RUNNING, State.FINISHING);
    }

    /**
     * The loop has stopped. After an interruption this waits (bounded) for the hook to save, so
     * the caller's cleanup (closing run.log) comes after the hook's last words.
     */
    @Override
    public void close() {
        loopStopped.countDown();
        if (state.get() == State.INTERRUPTED) {
            await(saved, LOOP_STOP_TIMEOUT_MS + CHILD_GRACE_MS);
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook runs and finds the run finished
        }
    }

    private void onShutdown() {
        if (!state.compareAndSet(State.RUNNING, State.INTERRUPTED)) {
            await(loopStopped, LOOP_STOP_TIMEOUT_MS); // the run finished; let it write its record
            return;
        }
        try {
            System.err.println();
            System.err.println("shmbench: interrupted; stopping benchmark processes and saving what was measured");
            stopChildren(loopStopped, LOOP_STOP_TIMEOUT_MS);
            saveInterrupted.run();
        } catch (RuntimeException e) {
            System.err.println("shmbench: while saving the interrupted run: " + e);
        } finally {
            saved.countDown();
        }
    }

    /**
     * Sends SIGTERM to every descendant until {@code stopped} opens (the loop may start another fork
     * meanwhile) and no descendant is left; one that outlives its grace period is killed.
     */
    static void stopChildren(CountDownLatch stopped, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        Map<Long, Long> firstAsked = new HashMap<>();
        while (true) {
            List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            if (alive.isEmpty() && stopped.getCount() == 0) {
                return;
            }
            long now = System.nanoTime();
            if (now - deadline > 0) {
                alive.forEach(ProcessHandle::destroyForcibly);
                return;
            }
            for (ProcessHandle child : alive) {
                Long asked = firstAsked.putIfAbsent(child.pid(), now);
                if (asked != null && now - asked > TimeUnit.MILLISECONDS.toNanos(CHILD_GRACE_MS)) {
                    child.destroyForcibly();
                } else {
                    child.destroy();
                }
            }
            sleep(POLL_MS);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch, long ms) {
        try {
            latch.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
