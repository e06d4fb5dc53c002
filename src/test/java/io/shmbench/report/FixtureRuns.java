package io.shmbench.report;

import java.io.IOException;
import java.nio.file.Path;

/** The standard fixture run for tests outside this package (the command-line tests). */
public final class FixtureRuns {
    private FixtureRuns() {
    }

    /** Writes the standard fixture under {@code root} and returns its run directory. */
    public static Path standard(Path root) throws IOException {
        return FixtureRun.standard(root).runDir;
    }
}
