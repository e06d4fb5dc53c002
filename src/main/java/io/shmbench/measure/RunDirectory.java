package io.shmbench.measure;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One run's output directory, {@code results/<run-id>/} (docs/RESULTS-FORMAT.md). The run command
 * creates it and hands it to every JMH fork as the system property {@value #PROPERTY}; code in a
 * fork finds it with {@link #current()}.
 */
public record RunDirectory(Path root) {
    /** System property naming the run directory in JMH forks (and in the host while it runs). */
    public static final String PROPERTY = "shmbench.run.dir";
    public static final String ENV_FILE = "env.json";
    public static final String RUN_LOG = "run.log";
    public static final String RAW = "raw";
    public static final String JMH_RESULTS = "jmh.json";
    /** {@code raw/floor/}: the same-pair floor of each round-trip series, one .hlog per series ({@link #floorHlog}). */
    public static final String FLOOR = "floor";
    /** {@code raw/blocks/}: the interleaved blocks of each round-trip series and its floor ({@link FloorBlockFile}). */
    public static final String BLOCKS = "blocks";
    /** {@code raw/rounds.csv}: which round each JMH run belonged to ({@link RoundsFile}). */
    public static final String ROUNDS = "rounds.csv";

    public RunDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** The run this JVM writes into, when it was started by the run command. */
    public static Optional<RunDirectory> current() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(new RunDirectory(Path.of(dir)));
    }

    public Path envFile() {
        return root.resolve(ENV_FILE);
    }

    public Path runLog() {
        return root.resolve(RUN_LOG);
    }

    /** {@code raw/}: JMH's JSON, the .hlog interval logs and question-specific CSV. */
    public Path raw() {
        return root.resolve(RAW);
    }

    public Path jmhResults() {
        return raw().resolve(JMH_RESULTS);
    }

    public Path outcomes() {
        return rawCsv(QuestionCsv.OUTCOMES);
    }

    public Path rawCsv(QuestionCsv file) {
        return raw().resolve(file.fileName());
    }

    /** Where the latency series {@code series} is logged. */
    public Path hlog(SeriesName series) {
        return raw().resolve(series.hlogFileName());
    }

    /**
     * Where the floor measured by the same two processes as {@code series}, interleaved with it, is
     * logged: {@code raw/floor/} and the series' own file name.
     */
    public Path floorHlog(SeriesName series) {
        return floorDir().resolve(series.hlogFileName());
    }

    public Path floorDir() {
        return raw().resolve(FLOOR);
    }

    /** Where the blocks of {@code series} and its same-pair floor are listed ({@link FloorBlockFile}). */
    public Path blocks(SeriesName series) {
        return blocksDir().resolve(series.csvFileName());
    }

    public Path blocksDir() {
        return raw().resolve(BLOCKS);
    }

    public Path rounds() {
        return raw().resolve(ROUNDS);
    }
}
