package io.shmbench.measure;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One of a run's raw CSV files under {@code raw/} (docs/RESULTS-FORMAT.md): a header row, then rows
 * written by whichever process measured them. Each {@link #append} is one write to a file opened
 * for appending, so forks taking turns never interleave half rows; {@link #replace} swaps in a whole
 * new file at once, so a reader never sees it half written.
 */
public final class RawCsvFile {
    private final Path file;
    private final List<String> header;

    public RawCsvFile(Path file, List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a raw CSV file needs a header; " + file + " was given none");
        }
        this.file = file;
        this.header = List.copyOf(header);
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    /** Appends {@code rows}, after the header when the file is new or empty. */
    public void append(List<? extends List<?>> rows) {
        StringBuilder text = new StringBuilder();
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                CSVFormat.DEFAULT.printRecord(text, header.toArray());
            }
            print(text, rows);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file with the header and {@code rows} (written beside it, then renamed over it). */
    public void replace(List<? extends List<?>> rows) {
        StringBuilder text = new StringBuilder();
        Path partial = file.resolveSibling(file.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            CSVFormat.DEFAULT.printRecord(text, header.toArray());
            print(text, rows);
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // reporting the original failure
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void print(StringBuilder text, List<? extends List<?>> rows) throws IOException {
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + file.getFileName() + " needs " + header.size()
                        + " values " + header + ", got " + row.size() + ": " + row);
            }
            CSVFormat.DEFAULT.printRecord(text, row.toArray());
        }
    }
}
