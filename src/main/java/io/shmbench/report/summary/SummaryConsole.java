package io.shmbench.report.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answers on the console, after the table of multiples: one entry per answer, wrapped to
 * {@value #WIDTH} columns, in ASCII (a console's encoding may not have the summary's symbols), and
 * the questions the run did not measure on one line. The tables stay in summary.md.
 */
public final class SummaryConsole {
    static final int WIDTH = 100;
    private static final String INDENT = "     ";

    private SummaryConsole() {
    }

    public static List<String> lines(RunSummary s) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("What this run found (with tables: " + SummaryMarkdown.FILE + " beside index.html):");
        for (QuestionSummary q : s.measured()) {
            for (String a : q.answers()) {
                out.addAll(wrap(String.format("  %-2s %s", q.question(), ascii(a))));
            }
        }
        if (!s.notMeasured().isEmpty()) {
            out.addAll(wrap("  Not measured in this run: " + s.notMeasured().stream().map(QuestionSummary::question)
                    .collect(Collectors.joining(", "))));
        }
        return out;
    }

    /** The summary's symbols in ASCII: "\u00b1" as "+-", "\u00b5s" as "us", "\u00f7" as "/". */
    static String ascii(String s) {
        return s.replace("\u00b1", "+-").replace("\u00b5", "u").replace("\u00f7", "/").replace("\u00d7", "x")
                .replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Breaks a line at spaces so that none passes {@value #WIDTH} columns; continuations are indented. */
    static List<String> wrap(String line) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= INDENT.length()) {
                cut = WIDTH;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = INDENT + rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }
}
