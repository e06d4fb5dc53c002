package io.shmbench.transport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Stops a child process of the suite that exits by itself when its stdin closes
 * ({@link PeerJvm#exitWithParent}): close its stdin and give it a moment, then terminate it, then kill it.
 * Used by {@link PeerProcess} and by the benchmarks' own peers.
 */
public final class ChildStop {
    /** How long each step waits for the child to exit before the next, firmer one. */
    public static final long WAIT_SECONDS = 5;

    private ChildStop() {
    }

    /** Returns once the child has exited or been killed; an interrupt kills it at once (and stays set). */
    public static void stop(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // its stdin was already closed: the waits below decide
        }
        try {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
