package io.shmbench.report;

import io.shmbench.measure.RunDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a run's inputs and the reporter's outputs live (docs/RESULTS-FORMAT.md): {@code
 * results/<run-id>/} holds env.json and raw/, the reporter writes csv/ beside raw/ and figures to
 * {@code plots/<run-id>/}, two levels up from the run directory.
 */
public record RunLayout(Path runDir, String runId, Path plotsDir) {

    /** Resolves symbolic links (results/latest) so the run id is the real directory's name. */
    public static RunLayout of(Path runDir, Path plotsDirOverride) throws IOException {
        Path real = runDir.toRealPath();
        String runId = real.getFileName().toString();
        Path plots = plotsDirOverride != null
                ? plotsDirOverride
                : plotsRoot(real).resolve(runId);
        return new RunLayout(real, runId, plots);
    }

    private static Path plotsRoot(Path realRunDir) {
        Path results = realRunDir.getParent();
        Path projectRoot = results == null ? null : results.getParent();
        return projectRoot == null ? Path.of("plots") : projectRoot.resolve("plots");
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
