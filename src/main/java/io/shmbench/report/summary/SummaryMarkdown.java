package io.shmbench.report.summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * summary.md: the run's answers for a reader without a browser, or for a repository page. Every
 * question the run measured in order, its answers as a list, its tables in GitHub's table syntax
 * with links to the CSV files they come from; then the questions it did not measure.
 */
public final class SummaryMarkdown {
    public static final String FILE = "summary.md";

    private SummaryMarkdown() {
    }

    /**
     * Writes {@code dir/summary.md}.
     *
     * @param csvHref a CSV file's name to the link that reaches it from {@code dir}
     */
    public static Path write(Path dir, RunSummary s, Function<String, String> csvHref) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, render(s, csvHref), StandardCharsets.UTF_8);
        return file;
    }

    static String render(RunSummary s, Function<String, String> csvHref) {
        StringBuilder m = new StringBuilder(8 * 1024);
        m.append("# shmbench run ").append(s.runId()).append(": what it found\n\n");
        m.append("Machine: ").append(cell(s.machine())).append(".\n\n");
        if (!s.complete()) {
            m.append("**The run was interrupted**: the answers cover what it measured before it stopped.\n\n");
        }
        m.append(RunSummary.METHOD).append("\n\n");
        for (QuestionSummary q : s.measured()) {
            m.append("## ").append(q.question()).append(": ").append(q.title()).append("\n\n");
            q.answers().forEach(a -> m.append("- ").append(cell(a)).append('\n'));
            if (!q.answers().isEmpty()) {
                m.append('\n');
            }
            for (SummaryTable t : q.tables()) {
                table(m, t, csvHref);
            }
            q.notes().forEach(n -> m.append("*").append(cell(n)).append(".*\n\n"));
        }
        if (!s.notMeasured().isEmpty()) {
            m.append("## Not measured in this run\n\n");
            s.notMeasured().forEach(q -> m.append("- ").append(q.question()).append(": ").append(q.title())
                    .append(q.notes().isEmpty() ? "" : " (" + String.join("; ", q.notes()) + ")").append('\n'));
            m.append('\n');
        }
        return m.toString();
    }

    private static void table(StringBuilder m, SummaryTable t, Function<String, String> csvHref) {
        m.append(t.title());
        if (!t.sources().isEmpty()) {
            m.append(" (").append(t.sources().stream().map(f -> "[csv/" + f + "](" + csvHref.apply(f) + ")")
                    .collect(Collectors.joining(", "))).append(")");
        }
        m.append(":\n\n");
        m.append(row(t.head())).append('\n');
        m.append(t.head().stream().map(h -> "---").collect(Collectors.joining("|", "|", "|"))).append('\n');
        t.rows().forEach(r -> m.append(row(r)).append('\n'));
        m.append('\n');
    }

    private static String row(List<String> cells) {
        return cells.stream().map(SummaryMarkdown::cell).collect(Collectors.joining(" | ", "| ", " |"));
    }

    /** A pipe would end a table cell; in a list item or paragraph it is harmless but escaped the same way. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
