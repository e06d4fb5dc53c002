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

    public Path envJson() {
        return runDir.resolve("env.json");
    }

    public Path rawDir() {
        return runDir.resolve("raw");
    }

    public Path jmhJson() {
        return rawDir().resolve("jmh.json");
    }

    public Path rawCsv(String name) {
        return rawDir().resolve(name);
    }

    /** {@code raw/floor/}: the same-pair floor of each round-trip series, an .hlog named after the series. */
    public Path floorDir() {
        return rawDir().resolve(RunDirectory.FLOOR);
    }

    /** {@code raw/blocks/}: the blocks in which each round-trip series and its floor took turns. */
    public Path blocksDir() {
        return rawDir().resolve(RunDirectory.BLOCKS);
    }

    public Path roundsCsv() {
        return rawDir().resolve(RunDirectory.ROUNDS);
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
