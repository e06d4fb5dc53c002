package io.shmbench.compare;

import io.shmbench.gate.Estimate;
import io.shmbench.gate.Fingerprint;
import io.shmbench.gate.Metric;
import io.shmbench.gate.StateMultiple;
import io.shmbench.report.IndexPage;
import io.shmbench.report.chart.Figure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * index.html of a comparison: the runs, per question its figures and a table of every series'
 * metrics per run with each run's ratio to the first, and the runs' environments side by side
 * (rows that differ marked). A series or metric one run lacks is shown as such, not dropped.
 */
final class ComparePage {
    static final String FILE = "index.html";
    private static final String ABSENT = "\u2014";
    /** env.json keys shown first: what makes machines and runs comparable. */
    private static final List<String> FIRST_KEYS = List.of("hostname", "gitCommit", "profile", "only", "started",
            "status", "cpu.model", "cpu.cpus", "cpu.cores", "numaNodes", "kernel.release", "jdk.version", "jdk.vendor",
            "governor", "transparentHugePages.enabled");

    private ComparePage() {
    }

    static Path write(Path dir, List<ComparedRun> runs, List<Figure> figures, List<String> notes) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "shmbench comparison: " + String.join(" / ", runs.stream().map(ComparedRun::label).toList());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(IndexPage.esc(title))
                .append("</title><style>").append(IndexPage.STYLE).append(".diff td{background:#fff3d6}</style></head><body>\n");
        h.append("<h1>").append(IndexPage.esc(title)).append("</h1>\n");
        runs(h, runs);
        if (!notes.isEmpty()) {
            h.append("<ul>");
            notes.forEach(n -> h.append("<li class=\"note\">").append(IndexPage.esc(n)).append("</li>"));
            h.append("</ul>\n");
        }
        for (String q : CompareFigures.questions(runs)) {
            h.append("<h2 id=\"").append(q).append("\">").append(q).append("</h2>\n<div class=\"figs\">\n");
            for (Figure f : figures) {
                if (f.question().equals(q)) {
                    String id = IndexPage.esc(f.id());
                    h.append("<figure id=\"").append(id).append("\"><img src=\"").append(id).append(".png\" alt=\"")
                            .append(IndexPage.esc(f.title())).append("\"><figcaption><b>").append(IndexPage.esc(f.title()))
                            .append(".</b> ").append(IndexPage.esc(f.caption())).append(" <a href=\"").append(id)
                            .append(".svg\">SVG</a> \u00b7 <a href=\"").append(id).append(".pdf\">PDF</a></figcaption></figure>\n");
                }
            }
            h.append("</div>\n");
            metrics(h, runs, q);
        }
        environment(h, runs);
        h.append("</body></html>\n");
        Path file = dir.resolve(FILE);
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void runs(StringBuilder h, List<ComparedRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (ComparedRun r : runs) {
            Map<String, String> env = r.run().environment();
            rows.add(List.of(r.label(), r.run().runId(), r.run().host(), env.getOrDefault("cpu.model", ""),
                    env.getOrDefault("gitCommit", ""), env.getOrDefault("profile", ""), env.getOrDefault("started", ""),
                    r.run().dir().toString()));
        }
        table(h, List.of("label", "run id", "host", "CPU", "commit", "profile", "started", "directory"), rows, Set.of());
        h.append("<p class=\"note\">Combined tables of all runs (every row with its run_id and host): <code>csv/</code> beside this page.</p>\n");
    }

    /** Every series of the question, each metric a row: the runs' values, then each run over the first. */
    private static void metrics(StringBuilder h, List<ComparedRun> runs, String q) {
        Map<String, Map<String, List<Optional<Cell>>>> rows = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            ComparedRun run = runs.get(i);
            for (var e : run.metrics().p50States().entrySet()) {
                if (SeriesText.parse(e.getKey()).question().equals(q)) {
                    for (StateMultiple s : e.getValue()) {
                        cell(rows, e.getKey(), "p50_x_floor " + s.state(), runs.size(), i,
                                new Cell(s.multiple(), " at floor " + Estimate.format(s.floorNs()) + " ns"));
                    }
                }
            }
            for (Metric m : run.metrics().metrics().values()) {
                if (SeriesText.parse(m.series()).question().equals(q)) {
                    cell(rows, m.series(), m.name(), runs.size(), i, new Cell(m.estimate(), ""));
                }
            }
        }
        List<String> head = new ArrayList<>(List.of("series", "metric"));
        runs.forEach(r -> head.add(r.label()));
        for (int i = 1; i < runs.size(); i++) {
            head.add(runs.get(i).label() + " \u00f7 " + runs.getFirst().label());
        }
        List<List<String>> table = new ArrayList<>();
        rows.forEach((series, metrics) -> metrics.forEach((metric, values) -> {
            List<String> row = new ArrayList<>(List.of(series, metric));
            values.forEach(v -> row.add(v.map(c -> withInterval(c.estimate()) + c.suffix()).orElse(ABSENT)));
            for (int i = 1; i < values.size(); i++) {
                Optional<Estimate> first = values.getFirst().map(Cell::estimate);
                Optional<Estimate> other = values.get(i).map(Cell::estimate);
                row.add(first.isPresent() && other.isPresent() && first.get().value() != 0
                        ? String.format(Locale.ROOT, "%.3f", other.get().value() / first.get().value()) : "");
            }
            table.add(row);
        }));
        h.append("<p class=\"note\">p50_x_floor: same-pair p50 multiple over all blocks and per host state [95% interval], "
                + "at the median floor of those blocks (a state is known by its floor; labels are per run); "
                + "p99_x_floor [range over rounds]; throughput [JMH 99.9% or rounds]; latency in ns [range over rounds]. "
                + ABSENT + ": not in that run.</p>\n");
        table(h, head, table, Set.of());
    }

    /** A run's value of a metric, with what to say after it (a host state's floor). */
    private record Cell(Estimate estimate, String suffix) {
    }

    private static void cell(Map<String, Map<String, List<Optional<Cell>>>> rows, String series, String metric,
                             int runs, int run, Cell e) {
        List<Optional<Cell>> values = rows.computeIfAbsent(series, s -> new LinkedHashMap<>())
                .computeIfAbsent(metric, m -> {
                    List<Optional<Cell>> l = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        l.add(Optional.empty());
                    }
                    return l;
                });
        values.set(run, Optional.of(e));
    }

    private static String withInterval(Estimate e) {
        return Estimate.format(e.value()) + (e.hasInterval() ? " " + e.intervalText() : "");
    }

    private static void environment(StringBuilder h, List<ComparedRun> runs) {
        h.append("<h2>Environments (env.json)</h2>\n<p class=\"note\">Rows that differ between the runs are marked; ")
                .append("absolute numbers compare only between runs whose ")
                .append(IndexPage.esc(String.join(", ", Fingerprint.KEYS))).append(" agree.</p>\n");
        Set<String> keys = new LinkedHashSet<>(FIRST_KEYS);
        runs.forEach(r -> keys.addAll(r.run().environment().keySet()));
        List<String> head = new ArrayList<>(List.of("key"));
        runs.forEach(r -> head.add(r.label()));
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> differing = new java.util.HashSet<>();
        for (String key : keys) {
            List<String> row = new ArrayList<>(List.of(key));
            runs.forEach(r -> row.add(r.run().environment().getOrDefault(key, ABSENT)));
            if (row.subList(1, row.size()).stream().allMatch(ABSENT::equals)) {
                continue;
            }
            if (row.subList(1, row.size()).stream().distinct().count() > 1) {
                differing.add(rows.size());
            }
            rows.add(row);
        }
        table(h, head, rows, differing);
    }

    private static void table(StringBuilder h, List<String> head, List<List<String>> rows, Set<Integer> marked) {
        if (rows.isEmpty()) {
            h.append("<p class=\"note\">No rows.</p>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table><tr>");
        head.forEach(c -> h.append("<th>").append(IndexPage.esc(c)).append("</th>"));
        h.append("</tr>\n");
        for (int i = 0; i < rows.size(); i++) {
            h.append(marked.contains(i) ? "<tr class=\"diff\">" : "<tr>");
            for (String c : rows.get(i)) {
                h.append("<td>").append(IndexPage.esc(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }
}
