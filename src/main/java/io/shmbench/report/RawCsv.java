package io.shmbench.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A question-specific raw CSV (header row, one observation per row), read with Commons CSV. Checks
 * the header has the documented columns; the typed getters name the file, line and column of a
 * value that does not parse.
 */
public final class RawCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

    private final Path file;
    private final List<CSVRecord> records;

    private RawCsv(Path file, List<CSVRecord> records) {
        this.file = file;
        this.records = records;
    }

    /** Reads {@code file}; it must exist and have every column of {@code required}. */
    public static RawCsv read(Path file, List<String> required) throws BadInputException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
            if (header.isEmpty()) {
                throw new BadInputException(file, "empty: no header row (expected columns " + required + ")");
            }
            if (!missing.isEmpty()) {
                throw new BadInputException(file, "header lacks column(s) " + missing + " (has " + header + ")");
            }
            return new RawCsv(file, new ArrayList<>(parser.getRecords()));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "missing");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file, "not valid CSV: " + e.getMessage(), e);
        }
    }

    public List<CSVRecord> records() {
        return records;
    }

    public Path file() {
        return file;
    }

    public String text(CSVRecord r, String column) throws BadInputException {
        if (!r.isSet(column)) {
            throw new BadInputException(file, where(r, column) + "missing (the row has " + r.size() + " fields)");
        }
        return r.get(column);
    }

    public String required(CSVRecord r, String column) throws BadInputException {
        String v = text(r, column);
        if (v.isEmpty()) {
            throw new BadInputException(file, where(r, column) + "empty");
        }
        return v;
    }

    public double number(CSVRecord r, String column) throws BadInputException {
        String v = required(r, column);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, where(r, column) + "'" + v + "' is not a number");
        }
    }

    /** A number, or NaN when the cell is empty (an optional value). */
    public double optionalNumber(CSVRecord r, String column) throws BadInputException {
        return text(r, column).isEmpty() ? Double.NaN : number(r, column);
    }

    public long integer(CSVRecord r, String column) throws BadInputException {
        String v = required(r, column);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, where(r, column) + "'" + v + "' is not an integer");
        }
    }

    /** An integer of at least 1: a count, or a number that counts from 1 (a round, a block, a pid). */
    public long positiveInteger(CSVRecord r, String column) throws BadInputException {
        return integerAtLeast(r, column, 1, "is not positive");
    }

    /** A finite number above 0 (a duration in ns). */
    public double positiveNumber(CSVRecord r, String column) throws BadInputException {
        double v = number(r, column);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new BadInputException(file, where(r, column) + required(r, column) + " is not a positive number");
        }
        return v;
    }

    /** An integer of at least 0, or -1 when the cell is empty (an optional index). */
    public long optionalIndex(CSVRecord r, String column) throws BadInputException {
        return text(r, column).isEmpty() ? -1 : integerAtLeast(r, column, 0, "is negative");
    }

    private long integerAtLeast(CSVRecord r, String column, long least, String otherwise) throws BadInputException {
        long v = integer(r, column);
        if (v < least) {
            throw new BadInputException(file, where(r, column) + v + " " + otherwise);
        }
        return v;
    }

    public boolean bool(CSVRecord r, String column) throws BadInputException {
        String v = required(r, column);
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new BadInputException(file, where(r, column) + "'" + v + "' is not true/false");
        };
    }

    /** An error about one row, naming the file and the row's line (the header is line 1). */
    public BadInputException error(CSVRecord r, String what) {
        return new BadInputException(file, "line " + line(r) + ": " + what);
    }

    private static long line(CSVRecord r) {
        return r.getRecordNumber() + 1;
    }

    private static String where(CSVRecord r, String column) {
        return "line " + line(r) + ", column " + column + ": ";
    }
}
