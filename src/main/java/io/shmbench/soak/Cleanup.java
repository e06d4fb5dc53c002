package io.shmbench.soak;

import io.shmbench.process.ChildProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the soak must undo if it is stopped half-way (Ctrl-C, SIGTERM): the ring writer processes it
 * started and the segments it created, plus the stop request itself. Slices register each process
 * and file while they own it and forget it once they have removed it; the shutdown hook
 * ({@link Soak}) asks the slice to stop and, if it does not finish in time, {@link #removeAll()}s.
 * The soak's writers are started without {@link ChildProcess}'s own hook, which would kill them at
 * once; the transports' peers are not, so they die as soon as this JVM begins to exit.
 */
final class Cleanup {
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Set<ChildProcess> processes = ConcurrentHashMap.newKeySet();
    private final Set<Path> files = ConcurrentHashMap.newKeySet();
    private volatile boolean stopRequested;

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void add(ChildProcess process) {
        processes.add(process);
    }

    void forget(ChildProcess process) {
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
        processes.forEach(ChildProcess::kill);
        for (ChildProcess process : processes) {
            process.awaitExit(KILL_WAIT);
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
