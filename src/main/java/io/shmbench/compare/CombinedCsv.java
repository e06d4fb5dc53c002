package io.shmbench.compare;

import io.shmbench.gate.TidyRun;
import io.shmbench.report.BadInputException;
import io.shmbench.report.RawCsv;
import io.shmbench.report.TidyCsvWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs' tidy CSV files concatenated, one file per table: the rows of every run under one header
 * (the union of the runs' columns, in order; a column a run lacks is empty in its rows). Every row
 * keeps {@code run_id} and {@code host}, filled from the run for files written before those columns
 * existed, so the combined table says where each row came from.
 */
final class CombinedCsv {
    private CombinedCsv() {
    }

    static List<Path> write(List<ComparedRun> runs, Path dir, List<String> files) throws IOException, BadInputException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String name : files) {
            List<RawCsv> tables = new ArrayList<>();
            Set<String> header = new LinkedHashSet<>(TidyCsvWriter.RUN_COLUMNS);
            for (ComparedRun r : runs) {
                tables.add(r.run().table(name, List.of()));
                header.addAll(r.run().header(name));
            }
            Path file = dir.resolve(name);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                    .setRecordSeparator('\n').get();
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, format)) {
                for (int i = 0; i < runs.size(); i++) {
                    TidyRun run = runs.get(i).run();
                    for (CSVRecord rec : tables.get(i).records()) {
                        List<String> row = new ArrayList<>(header.size());
                        for (String column : header) {
                            row.add(cell(rec, column, run));
                        }
                        out.printRecord(row);
                    }
                }
            }
            written.add(file);
        }
        return written;
    }

    private static String cell(CSVRecord rec, String column, TidyRun run) {
        if (rec.isMapped(column) && rec.isSet(column) && !rec.get(column).isEmpty()) {
            return rec.get(column);
        }
        return switch (column) {
            case "run_id" -> run.runId();
            case "host" -> run.host();
            default -> "";
        };
    }
}
