package io.shmbench.report;

import io.shmbench.measure.RunDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a folder given to {@code report}, {@code gate} or {@code compare} is a run. A run
 * directory holds env.json (written when the run starts) or raw/; a folder with neither, such as
 * {@code results} itself, is not one, and the commands say so and write nothing instead of
 * reporting an empty run into the wrong place.
 */
public final class RunDirectoryCheck {
    /** The results folder's link to its newest run (io.shmbench.run.ResultsRoot). */
    private static final String LATEST = "latest";

    private RunDirectoryCheck() {
    }

    /** Why {@code dir} is not a run directory, or empty when it is one. */
    public static Optional<String> problem(Path dir) {
        if (!Files.exists(dir)) {
            return Optional.of(dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " is not a directory");
        }
        if (Files.exists(dir.resolve(RunDirectory.ENV_FILE)) || Files.isDirectory(dir.resolve(RunDirectory.RAW))) {
            return Optional.empty();
        }
        String hint = Files.isSymbolicLink(dir.resolve(LATEST))
                ? "; it looks like the results folder: give one run in it, e.g. " + dir.resolve(LATEST)
                : "; give a run directory, e.g. results/latest";
        return Optional.of(dir + " is not a run directory: it has no " + RunDirectory.ENV_FILE + " and no "
                + RunDirectory.RAW + "/" + hint);
    }
}
