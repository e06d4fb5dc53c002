package io.shmbench.report.summary;

import io.shmbench.report.Interval;
import io.shmbench.report.OperationTime;
import io.shmbench.report.ReportTables;
import io.shmbench.measure.SeriesName;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Q5, AoS or SoA: how much of AoS's time SoA saves (or adds) on each operation on a telemetry
 * snapshot, in one process (the snapshot in this core's cache) and across processes (its lines in
 * the other core's cache), from JMH's average times with their 99.9% errors.
 */
final class Q5Answers {
    static final String Q = "Q5";
    private static final String LAYOUT = "payloadLayout";
    private static final String SERVERS = "servers";
    private static final List<String> LAYOUTS = List.of("AOS", "SOA", "HYBRID");
    private static final Map<String, String> SETTINGS = Map.of(
            "Q5PayloadLayout", "In one process", "Q5PayloadLayoutCrossProcess", "Across processes");

    private Q5Answers() {
    }

    /** One operation at one server count: its time per layout. */
    private record Cell(SeriesName group, Map<String, OperationTime> byLayout) {
        Optional<OperationTime> layout(String name) {
            return Optional.ofNullable(byLayout.get(name));
        }
    }

    static QuestionSummary of(ReportTables t) {
        List<OperationTime> times = t.operationTimes().stream()
                .filter(o -> o.key().question().equals(Q) && o.key().param(LAYOUT).isPresent())
                .filter(o -> !Contenders.failed(t, o.key())).toList();
        if (times.isEmpty()) {
            return QuestionSummary.notMeasured(Q, "no Q5PayloadLayout or Q5PayloadLayoutCrossProcess result in this run");
        }
        Map<SeriesName, Cell> cells = new TreeMap<>(SeriesOrder.KEYS);
        for (OperationTime o : times) {
            Map<String, String> rest = new TreeMap<>(o.key().params());
            rest.remove(LAYOUT);
            SeriesName group = SeriesName.of(o.key().benchmark(), rest);
            cells.computeIfAbsent(group, g -> new Cell(g, new LinkedHashMap<>()))
                    .byLayout().put(o.key().param(LAYOUT).orElseThrow().toUpperCase(Locale.ROOT), o);
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, List<Cell>> bySetting = new LinkedHashMap<>();
        for (Cell c : cells.values()) {
            List<String> row = new ArrayList<>(List.of(setting(c.group()), c.group().method(), c.group().param(SERVERS).orElse("")));
            LAYOUTS.forEach(l -> row.add(c.layout(l).map(o -> Quantities.time(o.nsPerOp(), o.nsPerOpError())).orElse("")));
            row.add(soaAgainstAos(c).orElse(""));
            rows.add(row);
            bySetting.computeIfAbsent(c.group().benchmarkClass(), k -> new ArrayList<>()).add(c);
        }
        List<String> answers = new ArrayList<>();
        bySetting.forEach((benchmark, list) -> answers.add(answer(list)));
        return new QuestionSummary(Q, Questions.title(Q), true, answers, List.of(new SummaryTable(
                "Average time per operation by payload layout, \u00b1 JMH's 99.9% error",
                List.of(TidyCsvWriter.OPERATION_TIMES),
                List.of("setting", "operation", "servers", "AoS", "SoA", "hybrid", "SoA against AoS"), rows)), List.of());
    }

    /** At the largest server count measured: each operation's SoA against AoS. */
    private static String answer(List<Cell> cells) {
        long servers = cells.stream().mapToLong(c -> servers(c.group())).max().orElse(0);
        List<String> parts = new ArrayList<>();
        for (Cell c : cells) {
            if (servers(c.group()) != servers) {
                continue;
            }
            soaAgainstAos(c).ifPresent(s -> parts.add(c.group().method() + " " + s + ": " + time(c.layout("SOA").orElseThrow())
                    + " against " + time(c.layout("AOS").orElseThrow())));
        }
        String where = setting(cells.getFirst().group()) + (servers > 0 ? " at " + servers + " servers" : "");
        return parts.isEmpty() ? where + ": AoS and SoA were not both measured"
                : where + ", SoA against AoS: " + String.join(", ", parts);
    }

    /** "saves 62%", "costs 40% more", "no measurable difference (+3%)", with "(no interval)" when JMH gave no error. */
    static Optional<String> soaAgainstAos(Cell c) {
        Optional<OperationTime> soa = c.layout("SOA");
        Optional<OperationTime> aos = c.layout("AOS");
        if (soa.isEmpty() || aos.isEmpty()) {
            return Optional.empty();
        }
        Interval s = Interval.around(soa.get().nsPerOp(), soa.get().nsPerOpError());
        Interval a = Interval.around(aos.get().nsPerOp(), aos.get().nsPerOpError());
        double change = soa.get().nsPerOp() / aos.get().nsPerOp() - 1;
        if (s.isKnown() && a.isKnown() && s.overlaps(a)) {
            return Optional.of("no measurable difference (" + (change > 0 ? "+" : "-") + Quantities.change(Math.abs(change)) + ")");
        }
        String verdict = change < 0 ? "saves " + Quantities.change(-change) : "costs " + Quantities.change(change) + " more";
        return Optional.of(verdict + (s.isKnown() && a.isKnown() ? "" : " (no interval)"));
    }

    private static String time(OperationTime o) {
        return Quantities.time(o.nsPerOp(), o.nsPerOpError());
    }

    private static String setting(SeriesName group) {
        return SETTINGS.getOrDefault(group.benchmarkClass(), group.benchmarkClass());
    }

    private static long servers(SeriesName group) {
        try {
            return Long.parseLong(group.param(SERVERS).orElse("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
