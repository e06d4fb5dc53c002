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
}
