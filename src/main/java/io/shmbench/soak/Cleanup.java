package io.shmbench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the soak must undo if it is stopped half-way (Ctrl-C, SIGTERM): the ring writer processes it
 * started and the segments it created, plus the stop request itself. Slices register each process
 * and file while they own it and forget it once they have removed it; the shutdown hook
 * ({@link Soak}) asks the slice to stop and, if it does not finish in time, {@link #removeAll()}s.
 * Peer processes of the transports are stopped by {@code PeerProcess}'s own hook.
 */
final class Cleanup {
    private static final long KILL_WAIT_SECONDS = 5;

    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final Set<Path> files = ConcurrentHashMap.newKeySet();
    private volatile boolean stopRequested;

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void add(Process process) {
        processes.add(process);
    }

    void forget(Process process) {
        processes.remove(process);
    }

    void add(Path file) {
        files.add(file);
    }

    void forget(Path file) {
        files.remove(file);
    }

    /** Kills every registered process (SIGKILL, then waits a little) and deletes every registered file. */
    void removeAll() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processes.remove(process);
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("soak: cannot remove " + file + ": " + e.getMessage());
            }
            files.remove(file);
        }
    }
}
