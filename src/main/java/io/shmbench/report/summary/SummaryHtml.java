package io.shmbench.report.summary;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The summary at the top of index.html: per question its answers and tables, a link to the
 * question's figures further down the page and to the CSV files behind each table.
 */
public final class SummaryHtml {
    /** Extra style rules the summary needs on the page. */
    public static final String STYLE = "ul.answers{margin:.3em 0 .6em}ul.answers li{margin:.25em 0}"
            + "h3{font-size:1.05em;margin:1.2em 0 .3em}";

    private SummaryHtml() {
    }

    /**
     * @param esc      HTML escaping
     * @param csvHref  a CSV file's name to the link that reaches it from the page
     * @param sections the questions the page has a section of figures for
     * @param problems whether the run's files had problems (listed on the page)
     */
    public static void append(StringBuilder h, RunSummary s, UnaryOperator<String> esc, Function<String, String> csvHref,
                              Collection<String> sections, boolean problems) {
        h.append("<h2 id=\"summary\">What this run found</h2>\n<p class=\"note\">").append(esc.apply(s.machine()))
                .append(". The same as Markdown: <a href=\"").append(SummaryMarkdown.FILE).append("\">")
                .append(SummaryMarkdown.FILE).append("</a>.</p>\n");
        if (!s.complete()) {
            h.append("<p class=\"err\">The run was interrupted: the answers cover what it measured before it stopped.</p>\n");
        }
        if (problems) {
            h.append("<p class=\"err\">Some of this run's files had problems (listed below): the answers cover what could be read.</p>\n");
        }
        h.append("<p class=\"note\">").append(esc.apply(RunSummary.METHOD)).append("</p>\n");
        for (QuestionSummary q : s.measured()) {
            h.append("<h3 id=\"summary-").append(q.question()).append("\">").append(q.question()).append(": ")
                    .append(esc.apply(q.title()));
            if (sections.contains(q.question())) {
                h.append(" <a class=\"note\" href=\"#").append(q.question()).append("\">figures</a>");
            }
            h.append("</h3>\n<ul class=\"answers\">\n");
            q.answers().forEach(a -> h.append("<li>").append(esc.apply(a)).append("</li>\n"));
            h.append("</ul>\n");
            for (SummaryTable t : q.tables()) {
                table(h, t, esc, csvHref);
            }
            q.notes().forEach(n -> h.append("<p class=\"note\">").append(esc.apply(n)).append(".</p>\n"));
        }
        if (!s.notMeasured().isEmpty()) {
            h.append("<p class=\"note\"><b>Not measured in this run:</b> ").append(s.notMeasured().stream()
                    .map(q -> esc.apply(q.question() + " (" + q.title() + (q.notes().isEmpty() ? "" : " " + String.join("; ", q.notes())) + ")"))
                    .collect(Collectors.joining(", "))).append(".</p>\n");
        }
    }

    private static void table(StringBuilder h, SummaryTable t, UnaryOperator<String> esc, Function<String, String> csvHref) {
        h.append("<p class=\"note\">").append(esc.apply(t.title()));
        if (!t.sources().isEmpty()) {
            h.append(" (").append(t.sources().stream().map(f -> "<a href=\"" + esc.apply(csvHref.apply(f)) + "\">csv/"
                    + esc.apply(f) + "</a>").collect(Collectors.joining(", "))).append(")");
        }
        h.append("</p>\n<table><tr>");
        t.head().forEach(c -> h.append("<th>").append(esc.apply(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> r : t.rows()) {
            h.append("<tr>");
            r.forEach(c -> h.append("<td>").append(esc.apply(c)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }
}
