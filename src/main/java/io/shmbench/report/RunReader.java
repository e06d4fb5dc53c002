package io.shmbench.report;

import io.shmbench.measure.QuestionCsv;
import io.shmbench.measure.RunDirectory;
import io.shmbench.measure.SeriesName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads every input of a run. A file that cannot be used is reported and left out, so the rest of
 * the run is still reported. The question-specific CSV files are optional (a run may not include
 * that question); jmh.json and env.json are required. The same-pair floor files (raw/floor/,
 * raw/blocks/) and raw/rounds.csv are optional too: a run made before they existed has none.
 */
public final class RunReader {
    private RunReader() {
    }

    public static RunData read(RunLayout layout, Problems problems) {
        RunDirectory run = layout.run();
        Optional<Environment> env = Optional.empty();
        try {
            env = Optional.of(EnvironmentReader.read(run.envFile(), problems));
            if (env.get().complete().filter(c -> !c).isPresent()) {
                problems.note(run.envFile() + ": the run was interrupted (complete=false); its results are partial");
            }
        } catch (BadInputException e) {
            problems.error(e);
        }
        JmhResultReader.Entries jmh = JmhResultReader.Entries.NONE;
        try {
            jmh = JmhResultReader.read(run.jmhResults(), problems);
        } catch (BadInputException e) {
            problems.error(e);
        }
        RoundRuns rounds = readRounds(run.rounds(), jmh.count(), problems);
        List<Path> logs = files(run.raw(), SeriesName.HLOG_SUFFIX, problems);
        if (logs.isEmpty()) {
            // Not an error: a run of throughput benchmarks only (--only Q3Slots.throughput) has none.
            // A latency benchmark that failed to write its log is recorded in outcomes.csv by the run.
            problems.note(run.raw() + ": no .hlog latency logs (no latency benchmark in this run), so no percentiles");
        }
        List<LatencySeries> latency = readLatency(logs, rounds, problems);
        List<Path> floorLogs = files(run.floorDir(), SeriesName.HLOG_SUFFIX, problems);
        List<Path> blockFiles = files(run.blocksDir(), SeriesName.CSV_SUFFIX, problems);
        checkSamePairFiles(logs, floorLogs, blockFiles, run, problems);
        return new RunData(layout, env, latency, readLatency(floorLogs, rounds, problems),
                FloorBlockReader.readAll(blockFiles, rounds, problems), rounds, jmh.results(),
                optional(run.rawCsv(QuestionCsv.OUTCOMES), QuestionCsvReader::outcomes, problems),
                optional(run.rawCsv(QuestionCsv.Q3_OVERWRITE_LOSS), QuestionCsvReader::loss, problems),
                optional(run.rawCsv(QuestionCsv.Q6_PLACEMENTS), QuestionCsvReader::placements, problems),
                optional(run.rawCsv(QuestionCsv.Q6_CORE_MATRIX), QuestionCsvReader::coreMatrix, problems),
                optional(run.rawCsv(QuestionCsv.Q7_FAULTS), QuestionCsvReader::faults, problems));
    }

    /** raw/rounds.csv; {@link RoundRuns#NONE} when the run has none or it cannot be used (reported). */
    private static RoundRuns readRounds(Path file, int jmhEntries, Problems problems) {
        if (!Files.exists(file)) {
            return RoundRuns.NONE;
        }
        try {
            return RoundsReader.read(file, jmhEntries);
        } catch (BadInputException e) {
            problems.error(e);
            problems.note(file + " could not be used: the run is reported without rounds (no round_values.csv rows; "
                    + "blocks and throughput of every round pooled)");
            return RoundRuns.NONE;
        }
    }

    /** The files directly in {@code dir} whose name ends in {@code suffix}; none when it is not a directory. */
    private static List<Path> files(Path dir, String suffix, Problems problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            problems.error(dir + ": cannot list the raw results (" + e + ")");
            return List.of();
        }
    }

    /**
     * A series with blocks also has its same-pair floor's .hlog and its own .hlog: without the floor
     * log its p99 multiple cannot be made (an input is missing: an error); without its own log, or
     * a floor log without blocks, the rest of its multiples still can (a note).
     */
    private static void checkSamePairFiles(List<Path> logs, List<Path> floorLogs, List<Path> blockFiles, RunDirectory run,
                                           Problems problems) {
        Set<String> series = stems(logs, SeriesName.HLOG_SUFFIX);
        Set<String> floors = stems(floorLogs, SeriesName.HLOG_SUFFIX);
        for (String b : stems(blockFiles, SeriesName.CSV_SUFFIX)) {
            if (!floors.contains(b)) {
                problems.error(run.floorDir().resolve(b + SeriesName.HLOG_SUFFIX) + ": missing, though raw/blocks/" + b
                        + SeriesName.CSV_SUFFIX + " lists the blocks of its series; the series' p99 multiple of the floor is left empty");
            }
            if (!series.contains(b)) {
                problems.note(run.raw().resolve(b + SeriesName.HLOG_SUFFIX) + ": missing, though raw/blocks/" + b
                        + SeriesName.CSV_SUFFIX + " exists; the series' own p50 and p99 are left empty in floor_multiples.csv");
            }
        }
        Set<String> blocks = stems(blockFiles, SeriesName.CSV_SUFFIX);
        floors.stream().filter(f -> !blocks.contains(f)).forEach(f -> problems.note(run.blocksDir().resolve(f
                + SeriesName.CSV_SUFFIX) + ": missing, though raw/floor/" + f + SeriesName.HLOG_SUFFIX
                + " exists; the series has no same-pair p50 multiple"));
    }

    private static Set<String> stems(List<Path> files, String suffix) {
        Set<String> stems = new TreeSet<>();
        files.forEach(f -> {
            String n = f.getFileName().toString();
            stems.add(n.substring(0, n.length() - suffix.length()));
        });
        return stems;
    }

    private static List<LatencySeries> readLatency(List<Path> logs, RoundRuns rounds, Problems problems) {
        List<LatencySeries> series = new ArrayList<>();
        for (Path log : logs) {
            try {
                LatencyLogReader.read(log, rounds, problems).ifPresentOrElse(series::add,
                        () -> problems.note(log + ": no measurement interval (only warm-up); series left out"));
            } catch (BadInputException e) {
                problems.error(e);
            }
        }
        return series;
    }

    @FunctionalInterface
    private interface CsvParser<T> {
        List<T> parse(Path file) throws BadInputException;
    }

    private static <T> List<T> optional(Path file, CsvParser<T> parser, Problems problems) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parser.parse(file);
        } catch (BadInputException e) {
            problems.error(e);
            return List.of();
        }
    }
}
