package io.shmbench.shm;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Test helper: the pid of a process that has run and exited, to name a dead creator. */
public final class DeadProcess {
    private DeadProcess() {
    }

    /**
     * Starts {@code true}, waits for it and returns its pid. The pid was real a moment ago and is
     * not running now; the check guards against the (unlikely) reuse by another process meanwhile.
     */
    public static long pid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("`true` did not exit within 30 s");
            }
        } finally {
            process.destroyForcibly();
        }
        long pid = process.pid();
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("pid " + pid + " was reused at once; rerun the test");
        }
        return pid;
    }
}
