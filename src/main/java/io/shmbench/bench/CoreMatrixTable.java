package io.shmbench.bench;

import io.shmbench.measure.QuestionCsv;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows of {@link QuestionCsv#Q6_CORE_MATRIX}. */
final class CoreMatrixTable {
    private static final Pattern PAIR = Pattern.compile("(\\d{1,7}):(\\d{1,7})");

    private CoreMatrixTable() {
    }

    /** The row of a pair whose measurement-iteration round trips are {@code roundTrips}. */
    static List<String> row(int cpuA, int cpuB, Histogram roundTrips) {
        boolean measured = roundTrips.getTotalCount() > 0;
        return List.of(Integer.toString(cpuA), Integer.toString(cpuB),
                measured ? Long.toString(roundTrips.getValueAtPercentile(50)) : "",
                measured ? Long.toString(roundTrips.getValueAtPercentile(99)) : "");
    }

    /**
     * The row of the pair named {@code label} ({@code A:B}, as the {@code cpuPair} parameter), also
     * when it could not be measured; none when the label does not name two CPUs.
     */
    static Optional<List<String>> rowFor(String label, Histogram roundTrips) {
        Matcher m = PAIR.matcher(label.strip());
        return m.matches() ? Optional.of(row(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), roundTrips))
                : Optional.empty();
    }

    static void append(List<String> row) {
        QuestionCsv.Q6_CORE_MATRIX.inCurrentRun().ifPresent(file -> file.append(List.of(row)));
    }
}
