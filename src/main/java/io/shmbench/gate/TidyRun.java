package io.shmbench.gate;

import io.shmbench.report.BadInputException;
import io.shmbench.report.EnvironmentReader;
import io.shmbench.report.Problems;
import io.shmbench.report.RawCsv;
import io.shmbench.report.Reporter;
import io.shmbench.report.RunLayout;
import io.shmbench.report.TidyCsvWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as the gate and compare see it: its tidy CSV files (the tables the reporter writes and a
 * user reads) and its env.json. A run without some of those files has them made from its raw
 * files first, as {@code report} would make them (without figures). Anything missing or corrupt is
 * a {@link BadInputException} naming the file: a gate must not pass on a run it could not read.
 */
public final class TidyRun {
    /** Every file the reporter writes; a run missing any of them has them all made again. */
    public static final List<String> FILES = List.of(TidyCsvWriter.LATENCY_SUMMARY, TidyCsvWriter.LATENCY_PERCENTILES,
            TidyCsvWriter.THROUGHPUT, TidyCsvWriter.FLOOR_MULTIPLES, TidyCsvWriter.ROUND_VALUES,
            TidyCsvWriter.ROUND_SUMMARY, TidyCsvWriter.OUTCOMES, TidyCsvWriter.Q3_LOSS, TidyCsvWriter.Q6_PLACEMENTS,
            TidyCsvWriter.Q6_CORE_MATRIX, TidyCsvWriter.Q7_FAULTS);
    private static final String HOSTNAME = "hostname";

    private final RunLayout layout;
    private final Map<String, String> environment;
    private final boolean remade;
    private final Map<String, RawCsv> tables = new HashMap<>();

    private TidyRun(RunLayout layout, Map<String, String> environment, boolean remade) {
        this.layout = layout;
        this.environment = environment;
        this.remade = remade;
    }

    /**
     * Opens the run in {@code dir}, which {@link io.shmbench.report.RunDirectoryCheck} has accepted. No env.json, a
     * corrupt one, or CSV files missing without raw files to make them from: a {@link BadInputException}.
     */
    public static TidyRun open(Path dir) throws BadInputException {
        RunLayout layout;
        try {
            layout = RunLayout.of(dir, null);
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot be read: " + e, e);
        }
        Problems problems = new Problems();
        Map<String, String> env = EnvironmentReader.read(layout.run().envFile(), problems).entries();
        if (problems.hasErrors()) {
            throw new BadInputException(layout.run().envFile(), String.join("; ", problems.errors()).replace(layout.run().envFile() + ": ", ""));
        }
        boolean remade = false;
        List<String> missing = FILES.stream().filter(f -> !Files.isRegularFile(layout.csvDir().resolve(f))).toList();
        if (!missing.isEmpty()) {
            if (!Files.isDirectory(layout.run().raw())) {
                throw new BadInputException(layout.csvDir().resolve(missing.getFirst()),
                        "missing, and the run has no raw/ to make it from");
            }
            Problems made = Reporter.writeTidyCsv(layout);
            if (made.hasErrors()) {
                throw new BadInputException(layout.run().raw(), "the tidy CSV files could not be made from it: "
                        + String.join("; ", made.errors()));
            }
            remade = true;
        }
        return new TidyRun(layout, env, remade);
    }

    public Path dir() {
        return layout.runDir();
    }

    public String runId() {
        return layout.runId();
    }

    /** env.json's hostname, empty when it has none. */
    public String host() {
        return environment.getOrDefault(HOSTNAME, "");
    }

    /** env.json flattened (nested keys joined with dots), as on the report's page. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Whether the CSV files were missing and have just been made from the raw files. */
    public boolean remade() {
        return remade;
    }

    /** The tidy CSV file {@code name} (a {@link TidyCsvWriter} constant), checked for {@code columns}. */
    public synchronized RawCsv table(String name, List<String> columns) throws BadInputException {
        RawCsv csv = tables.get(name);
        if (csv == null) {
            csv = RawCsv.read(layout.csvDir().resolve(name), columns);
            tables.put(name, csv);
        }
        return csv;
    }

    /** The columns of the tidy CSV file {@code name}, in order. */
    public List<String> header(String name) throws BadInputException {
        Path file = csvFile(name);
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().get())) {
            return p.getHeaderNames();
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BadInputException(file, "not valid CSV: " + e.getMessage(), e);
        }
    }

    public Path csvFile(String name) {
        return layout.csvDir().resolve(name);
    }
}
