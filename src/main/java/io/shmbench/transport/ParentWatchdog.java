package io.shmbench.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes a child process of the suite die with its parent, so that no peer is ever orphaned: daemon
 * threads exit the JVM when the parent pid is no longer alive or when stdin reaches end of stream
 * (the parent closed it, or died: the kernel closes a dead process's pipe ends). Used by
 * {@link PeerMain} and by the benchmarks' own peer processes.
 */
public final class ParentWatchdog {
    /** Exit code of a child whose parent died. */
    public static final int EXIT_PARENT_GONE = 3;
    private static final long PARENT_CHECK_MILLIS = 200;

    private ParentWatchdog() {
    }

    /**
     * Starts the watch threads.
     *
     * @param watchStdin false when stdin carries data (the {@code pipe} transport), whose end the reader sees itself
     */
    public static void exitWhenGone(ProcessHandle parent, boolean watchStdin) {
        Thread pid = new Thread(() -> {
            while (parent.isAlive()) {
                LockSupport.parkNanos(PARENT_CHECK_MILLIS * 1_000_000L);
            }
            System.err.println("peer: parent pid " + parent.pid() + " is gone; exiting");
            System.exit(EXIT_PARENT_GONE);
        }, "shmbench-peer-parent-watch");
        pid.setDaemon(true);
        pid.start();
        if (watchStdin) {
            Thread stdin = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() >= 0) {
                        // the parent writes nothing here; only the end matters
                    }
                } catch (IOException ignored) {
                    // same as end of stream
                }
                System.err.println("peer: stdin closed by the parent; exiting");
                System.exit(0);
            }, "shmbench-peer-stdin-watch");
            stdin.setDaemon(true);
            stdin.start();
        }
    }
}
