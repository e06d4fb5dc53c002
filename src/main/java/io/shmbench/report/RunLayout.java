package io.shmbench.report;

import io.shmbench.measure.RunDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a run's inputs and the reporter's outputs live (docs/RESULTS-FORMAT.md): {@code
 * results/<run-id>/} holds env.json and raw/, the reporter writes csv/ beside raw/ and figures to
 * {@code plots/<run-id>/} of the project the run belongs to ({@link #plotsRoot}).
 */
public record RunLayout(Path runDir, String runId, Path plotsDir) {
    private static final String RESULTS = "results";
    private static final String PLOTS = "plots";

    /** Resolves symbolic links (results/latest) so the run id is the real directory's name. */
    public static RunLayout of(Path runDir, Path plotsDirOverride) throws IOException {
        Path real = runDir.toRealPath();
        String runId = real.getFileName().toString();
        Path plots = plotsDirOverride != null
                ? plotsDirOverride
                : plotsRoot(real).resolve(runId);
        return new RunLayout(real, runId, plots);
    }

    /**
     * The project's {@code plots/}: beside the {@code results/} folder that holds the run, or, for a
     * run kept anywhere else (a copy from another machine), {@code plots/} in the working directory,
     * which is the project when run-bench.sh runs it. Never a folder made up beside some other
     * directory.
     */
    public static Path plotsRoot(Path realRunDir) {
        Path results = realRunDir.getParent();
        Path projectRoot = results == null ? null : results.getParent();
        boolean inResults = results != null && results.getFileName() != null
                && results.getFileName().toString().equals(RESULTS);
        return inResults && projectRoot != null ? projectRoot.resolve(PLOTS) : Path.of(PLOTS).toAbsolutePath();
    }

    /** The run's own files: env.json and raw/ ({@link RunDirectory}). */
    public RunDirectory run() {
        return new RunDirectory(runDir);
    }

    public Path csvDir() {
        return runDir.resolve("csv");
    }

    /**
     * The link from a page in {@code dir} to the tidy CSV file {@code name}: relative, so a run
     * copied with its plots (results/ and plots/ side by side) keeps its links.
     */
    public String csvHref(Path dir, String name) {
        Path from = dir.toAbsolutePath().normalize();
        Path to = csvDir().resolve(name).toAbsolutePath().normalize();
        return from.relativize(to).toString().replace(java.io.File.separatorChar, '/');
    }
}
