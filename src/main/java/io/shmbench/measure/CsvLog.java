package io.shmbench.measure;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A raw CSV file that processes append observations to, one row at a time (docs/RESULTS-FORMAT.md):
 * Commons CSV's default format, a header row written by whoever finds the file empty, and each
 * row written in one append, so processes that take turns (JMH forks, one after another) never
 * leave half rows.
 */
public final class CsvLog {
    private final Path file;
    private final List<String> header;

    public CsvLog(Path file, List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a CSV log needs at least one column");
        }
        this.file = file;
        this.header = List.copyOf(header);
    }

    public Path file() {
        return file;
    }

    /** Appends one row; {@code values} are in the header's order, one per column. */
    public void append(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException(file.getFileName() + " has " + header.size() + " columns " + header
                    + "; a row of " + values.length + " values does not fit");
        }
        StringBuilder row = new StringBuilder();
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                CSVFormat.DEFAULT.printRecord(row, header.toArray());
            }
            CSVFormat.DEFAULT.printRecord(row, values);
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
