package io.shmbench.report;

import io.shmbench.report.chart.Figure;
import io.shmbench.report.figure.FigureSet;
import io.shmbench.report.summary.Questions;
import io.shmbench.report.summary.RunSummary;
import io.shmbench.report.summary.SummaryHtml;
import org.HdrHistogram.AbstractHistogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * plots/&lt;run-id&gt;/index.html: every figure (PNG, with links to its SVG and PDF), the summary
 * tables, the environment and what was left out, on one page that needs nothing but the files
 * beside it (no scripts, fonts or styles from elsewhere).
 */
public final class IndexPage {
    public static final String FILE = "index.html";
    /** The page's style sheet (also used by the comparison page, so both look alike). */
    public static final String STYLE = """
            body{font-family:"DejaVu Sans",sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
            table{border-collapse:collapse;font-size:.8em;margin:.5em 0}
            td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f3f3f3}.figs{display:flex;flex-wrap:wrap;gap:1.5em}
            figure{margin:0;width:504px}figure img{width:504px;border:1px solid #eee}
            figcaption{font-size:.8em}.err{color:#b00}.note{color:#555}.scroll{max-height:30em;overflow:auto}
            """ + SummaryHtml.STYLE;

    private IndexPage() {
    }

    public static Path write(Path plotsDir, RunLayout layout, RunData data, ReportTables t, FigureSet figures,
                             Problems problems, List<String> summary, RunSummary answers) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>shmbench ")
                .append(esc(layout.runId())).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>shmbench run ").append(esc(layout.runId())).append("</h1>\n<p class=\"note\">Report written ")
                .append(esc(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)))
                .append(" from <code>").append(esc(layout.runDir().toString())).append("</code>. Tidy CSV: <code>")
                .append(esc(layout.csvDir().toString())).append("</code> (columns in README.md, \"Reading the results\").</p>\n");
        SummaryHtml.append(h, answers, IndexPage::esc, name -> layout.csvHref(plotsDir, name), Questions.ALL, problems.hasErrors());
        problems(h, problems);
        h.append("<h2>Console summary</h2>\n<pre>");
        summary.forEach(l -> h.append(esc(l)).append('\n'));
        h.append("</pre>\n");
        for (String q : Questions.ALL) {
            question(h, q, figures, t);
        }
        tables(h, t, name -> layout.csvHref(plotsDir, name));
        environment(h, data);
        h.append("</body></html>\n");
        Path file = plotsDir.resolve(FILE);
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void problems(StringBuilder h, Problems problems) {
        if (problems.errors().isEmpty() && problems.notes().isEmpty()) {
            return;
        }
        h.append("<h2>Problems with this run's files</h2>\n<ul>\n");
        problems.errors().forEach(e -> h.append("<li class=\"err\">").append(esc(e)).append("</li>\n"));
        problems.notes().forEach(n -> h.append("<li class=\"note\">").append(esc(n)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static void question(StringBuilder h, String q, FigureSet figures, ReportTables t) {
        h.append("<h2 id=\"").append(q).append("\">").append(q).append(": ").append(esc(Questions.title(q))).append("</h2>\n");
        List<String> skipped = figures.skipped().getOrDefault(q, List.of());
        if (!skipped.isEmpty()) {
            h.append("<ul>");
            skipped.forEach(s -> h.append("<li class=\"note\">Not shown: ").append(esc(s)).append("</li>"));
            h.append("</ul>\n");
        }
        hostStates(h, q, t.floorMultiples());
        h.append("<div class=\"figs\">\n");
        for (Figure f : figures.figures()) {
            if (!f.question().equals(q)) {
                continue;
            }
            String id = esc(f.id());
            h.append("<figure id=\"").append(id).append("\"><img src=\"").append(id).append(".png\" alt=\"")
                    .append(esc(f.title())).append("\"><figcaption><b>").append(esc(f.title())).append(".</b> ")
                    .append(esc(f.caption())).append(" <a href=\"").append(id).append(".svg\">SVG</a> \u00b7 <a href=\"")
                    .append(id).append(".pdf\">PDF</a></figcaption></figure>\n");
        }
        h.append("</div>\n");
    }

    /**
     * Per benchmark of the question whose blocks fell into two host states: which series, how
     * their blocks split and what each state's multiple was.
     */
    private static void hostStates(StringBuilder h, String q, List<FloorMultiple> multiples) {
        Map<String, List<FloorMultiple>> byBenchmark = new LinkedHashMap<>();
        multiples.stream().filter(m -> m.key().question().equals(q))
                .filter(m -> m.samePair().filter(s -> s.hostStates().two()).isPresent())
                .forEach(m -> byBenchmark.computeIfAbsent(m.key().benchmark(), b -> new ArrayList<>()).add(m));
        byBenchmark.forEach((benchmark, split) -> {
            long all = multiples.stream().filter(m -> m.key().benchmark().equals(benchmark) && m.samePairP50().isPresent()).count();
            h.append("<p class=\"note\"><b>Host states</b> (").append(esc(benchmark)).append("): the blocks' floors of ")
                    .append(split.size()).append(" of ").append(all).append(" series fell into a fast and a slow state ")
                    .append("(Otsu's threshold on log floor; each state at least ")
                    .append(Cells.number(100 * HostStates.MIN_SHARE)).append("% of the blocks, the slow floor at least ")
                    .append(Cells.number(HostStates.MIN_FLOOR_RATIO)).append(" times the fast one). Multiples per state:</p>\n<ul class=\"note\">");
            for (FloorMultiple m : split) {
                SamePairMultiple s = m.samePair().orElseThrow();
                h.append("<li>").append(esc(m.key().paramsText())).append(": ");
                h.append(esc(s.byState().stream().map(b -> String.format(java.util.Locale.ROOT, "%s %.0f%% of blocks, floor %s ns, %s",
                        b.hostState(), 100 * b.blockShare(), Cells.number(Math.round(b.floorP50Ns())),
                        Multiples.withInterval(b.multiple(), b.interval()))).collect(java.util.stream.Collectors.joining("; "))));
                h.append("; threshold ").append(Math.round(s.hostStates().thresholdNs())).append(" ns</li>\n");
            }
            h.append("</ul>\n");
        });
    }

    /** {@code <h2>Latency (<a href="...">csv/latency_summary.csv</a>)</h2>}. */
    private static void heading(StringBuilder h, String title, String csv, java.util.function.UnaryOperator<String> csvHref) {
        h.append("<h2>").append(esc(title)).append(" (<a href=\"").append(esc(csvHref.apply(csv))).append("\">csv/")
                .append(esc(csv)).append("</a>)</h2>\n");
    }

    private static void tables(StringBuilder h, ReportTables t, java.util.function.UnaryOperator<String> csvHref) {
        heading(h, "Latency", TidyCsvWriter.LATENCY_SUMMARY, csvHref);
        List<String> head = new ArrayList<>(List.of("series", "samples", "min", "p50", "p90", "p99", "p99.9",
                "p99.99", "max", "mean"));
        List<List<String>> rows = new ArrayList<>();
        for (LatencySeries s : t.latency()) {
            AbstractHistogram hg = s.histogram();
            List<String> r = new ArrayList<>(List.of(s.key().toString(), Long.toString(hg.getTotalCount()),
                    Long.toString(hg.getMinValue())));
            for (double p : TidyCsvWriter.SUMMARY_PERCENTILES) {
                r.add(Long.toString(hg.getValueAtPercentile(p)));
            }
            r.add(Long.toString(hg.getMaxValue()));
            r.add(String.format(java.util.Locale.ROOT, "%.1f", hg.getMean()));
            rows.add(r);
        }
        table(h, head, rows, "all values in ns");
        floorMultiples(h, t, csvHref);
        heading(h, "Throughput", TidyCsvWriter.THROUGHPUT, csvHref);
        rows = new ArrayList<>();
        for (Throughput r : t.throughput()) {
            rows.add(List.of(r.key().toString(), Cells.number(Math.round(r.msgsPerS())),
                    Cells.number(Math.round(r.msgsPerSError())), Cells.number(Math.round(r.bytesPerS())),
                    Cells.number(Math.round(r.cpuNsPerMsg() * 10) / 10.0)));
        }
        table(h, List.of("series", "msgs/s", "\u00b1 99.9% CI", "bytes/s", "CPU ns/msg"), rows, "");
        if (!t.outcomes().isEmpty()) {
            heading(h, "Outcomes", TidyCsvWriter.OUTCOMES, csvHref);
            rows = new ArrayList<>();
            for (SeriesOutcome o : t.outcomes()) {
                rows.add(List.of(o.key().toString(), o.status(), o.detail()));
            }
            table(h, List.of("series", "status", "detail"), rows, "");
        }
    }

    private static void floorMultiples(StringBuilder h, ReportTables t, java.util.function.UnaryOperator<String> csvHref) {
        if (t.floorMultiples().isEmpty()) {
            return;
        }
        heading(h, "Multiples of the floor", TidyCsvWriter.FLOOR_MULTIPLES, csvHref);
        List<List<String>> rows = new ArrayList<>();
        for (FloorMultiple m : t.floorMultiples()) {
            String states = m.samePair().map(s -> s.byState().stream().map(b -> String.format(java.util.Locale.ROOT,
                    "%s %.0f%% %s", b.hostState(), 100 * b.blockShare(), Multiples.format(b.multiple())))
                    .collect(java.util.stream.Collectors.joining(", "))).orElse("");
            rows.add(List.of(m.key().toString(),
                    m.samePairP50().map(b -> Integer.toString(b.blocks())).orElse(""),
                    m.samePairP50().map(b -> Multiples.withInterval(b.multiple(), b.interval())).orElse(""),
                    m.samePair().filter(s -> !Double.isNaN(s.p99Multiple()))
                            .map(s -> Multiples.withInterval(s.p99Multiple(), s.p99Interval())).orElse(""),
                    states,
                    m.crossFork().map(c -> Multiples.format(c.p50Multiple())).orElse("")));
        }
        table(h, List.of("series", "blocks", "p50 \u00f7 same-pair floor [95%]", "p99 \u00f7 same-pair floor"
                + (t.rounds() >= 2 ? " [rounds' range]" : ""), "host states", "p50 \u00f7 cross-fork floor"), rows,
                "same-pair: the floor measured by the same two processes in between the series' blocks; cross-fork: the "
                        + "floor series measured in other forks (older method)");
    }

    private static void environment(StringBuilder h, RunData data) {
        h.append("<h2>Environment (env.json)</h2>\n");
        if (data.environment().isEmpty()) {
            h.append("<p class=\"err\">env.json could not be read; see the problems above.</p>\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        data.environment().get().entries().forEach((k, v) -> rows.add(List.of(k, v)));
        table(h, List.of("key", "value"), rows, "");
    }

    private static void table(StringBuilder h, List<String> head, List<List<String>> rows, String note) {
        if (rows.isEmpty()) {
            h.append("<p class=\"note\">No rows in this run.</p>\n");
            return;
        }
        if (!note.isEmpty()) {
            h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        h.append("<div class=\"scroll\"><table><tr>");
        head.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
        TreeSet<Integer> numeric = new TreeSet<>();
        for (int i = 1; i < head.size(); i++) {
            int col = i;
            if (rows.stream().allMatch(r -> r.get(col).matches("-?[0-9.]*"))) {
                numeric.add(i);
            }
        }
        for (List<String> r : rows) {
            h.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                h.append(numeric.contains(i) ? "<td class=\"n\">" : "<td>").append(esc(r.get(i))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    /** Text escaped for HTML: the five characters that could end an element or an attribute (also used by the comparison page). */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
