package io.shmbench.measure;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.openjdk.jmh.runner.IterationType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An HdrHistogram interval log ({@code .hlog}) that several processes append to in turn: each JMH
 * fork of a benchmark adds its intervals to the same file. Timestamps are absolute (seconds since the
 * epoch, base time 0), so intervals from different forks stay comparable; the header (format
 * version, start time, legend) is written only by the first writer. Every interval goes out in one
 * append, so a writer killed between two intervals leaves a readable file.
 */
public final class IntervalLog {
    /** Tag of an interval measured during a JMH warm-up iteration. */
    public static final String WARMUP = "warmup";
    /** Tag of an interval measured during a JMH measurement iteration: the only ones the reporter uses. */
    public static final String MEASUREMENT = "measurement";

    private final Path file;

    public IntervalLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The tag for intervals of a JMH iteration of this type. */
    public static String tagOf(IterationType type) {
        return type == IterationType.WARMUP ? WARMUP : MEASUREMENT;
    }

    /** Appends one interval covering {@code [startEpochMs, endEpochMs]} with the values in {@code interval}. */
    public void append(Histogram interval, long startEpochMs, long endEpochMs, String tag) {
        append(format(writer -> {
            interval.setTag(tag);
            writer.outputIntervalHistogram(startEpochMs / 1000.0, endEpochMs / 1000.0, interval);
        }, startEpochMs));
    }

    /** Appends a comment line ({@code #text}); readers skip it. */
    public void comment(String text) {
        if (text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException("an .hlog comment is one line: " + text);
        }
        append(format(writer -> writer.outputComment(text), System.currentTimeMillis()));
    }

    private interface LogLines {
        void writeTo(HistogramLogWriter writer);
    }

    private byte[] format(LogLines lines, long startEpochMs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.US_ASCII)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            if (isNew()) {
                writer.outputLogFormatVersion();
                writer.outputStartTime(startEpochMs);
                writer.outputBaseTime(0);
                writer.outputLegend();
            }
            lines.writeTo(writer);
        }
        return bytes.toByteArray();
    }

    private boolean isNew() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
