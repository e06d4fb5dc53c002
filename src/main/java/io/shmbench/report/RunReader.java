package io.shmbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads every input of a run. A file that cannot be used is reported and left out, so the rest of
 * the run is still reported. The question-specific CSV files are optional (a run may not include
 * that question); jmh.json, env.json and at least one .hlog are required.
 */
public final class RunReader {
    private RunReader() {
    }

    public static RunData read(RunLayout layout, Problems problems) {
        Optional<Environment> env = Optional.empty();
        try {
            env = Optional.of(EnvironmentReader.read(layout.envJson(), problems));
            if (env.get().complete().filter(c -> !c).isPresent()) {
                problems.note(layout.envJson() + ": the run was interrupted (complete=false); its results are partial");
            }
        } catch (BadInputException e) {
            problems.error(e);
        }
        List<JmhResult> jmh = List.of();
        try {
            jmh = JmhResultReader.read(layout.jmhJson(), problems);
        } catch (BadInputException e) {
            problems.error(e);
        }
        return new RunData(layout, env, readLatency(layout.rawDir(), problems), jmh,
                optional(layout.rawCsv(QuestionCsvReader.OUTCOMES), QuestionCsvReader::outcomes, problems),
                optional(layout.rawCsv(QuestionCsvReader.Q3_LOSS), QuestionCsvReader::loss, problems),
                optional(layout.rawCsv(QuestionCsvReader.Q6_PLACEMENTS), QuestionCsvReader::placements, problems),
                optional(layout.rawCsv(QuestionCsvReader.Q6_CORE_MATRIX), QuestionCsvReader::coreMatrix, problems),
                optional(layout.rawCsv(QuestionCsvReader.Q7_FAULTS), QuestionCsvReader::faults, problems));
    }

    private static List<LatencySeries> readLatency(Path rawDir, Problems problems) {
        List<Path> logs;
        try (Stream<Path> files = Files.list(rawDir)) {
            logs = files.filter(p -> p.getFileName().toString().endsWith(".hlog")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            problems.error(rawDir + ": cannot list the raw results (" + e + ")");
            return List.of();
        }
        if (logs.isEmpty()) {
            // Not an error: a run of throughput benchmarks only (--only Q3Slots.throughput) has none.
            // A latency benchmark that failed to write its log is recorded in outcomes.csv by the run.
            problems.note(rawDir + ": no .hlog latency logs (no latency benchmark in this run), so no percentiles");
        }
        List<LatencySeries> series = new ArrayList<>();
        for (Path log : logs) {
            try {
                LatencyLogReader.read(log, problems).ifPresentOrElse(series::add,
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
