package io.shmbench.compare;

import io.shmbench.gate.Estimate;
import io.shmbench.gate.Fingerprint;
import io.shmbench.gate.RunMetrics;
import io.shmbench.gate.StateMultiple;
import io.shmbench.gate.TidyRun;
import io.shmbench.report.BadInputException;
import io.shmbench.report.HostStates;
import io.shmbench.report.RunLayout;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.FigureRenderer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Several runs side by side (one machine over time, or several machines) on one page: figures with
 * a series per run, a table per question with each run's metrics and their ratios to the first run,
 * the environments side by side, and the runs' tidy CSV files combined into one table each.
 */
public final class Compare {
    /** What a comparison wrote; {@code errors} (figures that could not be drawn) make the exit code 1. */
    public record Result(int exitCode, Path outDir, Path indexPage, List<Path> csvFiles, List<Path> figureFiles,
                         List<String> errors) {
    }

    private Compare() {
    }

    /**
     * The labels the runs get: {@code given} when not empty, else each run's id, with its host added
     * where two runs share an id (the same run id on two machines) and a number where that is not enough.
     */
    public static List<String> labels(List<TidyRun> runs, List<String> given) {
        if (!given.isEmpty()) {
            return List.copyOf(given);
        }
        List<String> ids = runs.stream().map(TidyRun::runId).toList();
        List<String> out = new ArrayList<>();
        for (TidyRun r : runs) {
            String label = ids.stream().filter(r.runId()::equals).count() > 1 && !r.host().isEmpty()
                    ? r.runId() + "@" + r.host() : r.runId();
            String unique = label;
            for (int n = 2; out.contains(unique); n++) {
                unique = label + "#" + n;
            }
            out.add(unique);
        }
        return out;
    }

    /** {@code plots/compare-<a>-vs-<b>...} of the first run's project. */
    public static Path defaultOutDir(List<TidyRun> runs, List<String> labels) {
        String name = Figure.safeId("compare-" + String.join("-vs-", labels));
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return RunLayout.plotsRoot(runs.getFirst().dir()).resolve(name);
    }

    public static Result compare(List<TidyRun> runs, List<String> labels, Path outDir, PrintWriter out)
            throws BadInputException, IOException {
        List<ComparedRun> compared = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            compared.add(new ComparedRun(labels.get(i), runs.get(i), RunMetrics.of(runs.get(i))));
        }
        List<String> notes = notes(compared);
        // Every table is read before anything is written: a corrupt file anywhere writes nothing.
        for (TidyRun run : runs) {
            for (String file : TidyRun.FILES) {
                run.table(file, List.of());
            }
        }
        List<String> errors = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        try {
            figures.addAll(CompareFigures.build(compared));
        } catch (RuntimeException e) {
            errors.add("figures could not be built: " + e);
        }
        Files.createDirectories(outDir);
        removeOldFigures(outDir);
        List<Path> csv = CombinedCsv.write(compared, outDir.resolve("csv"), TidyRun.FILES);
        List<Path> files = new ArrayList<>();
        for (Figure f : figures) {
            try {
                files.addAll(FigureRenderer.write(f, outDir));
            } catch (IOException | RuntimeException e) {
                errors.add(outDir.resolve(f.id()) + ": figure could not be written: " + e);
            }
        }
        Path index = ComparePage.write(outDir, compared, figures, notes);
        summary(compared).forEach(out::println);
        notes.forEach(n -> out.println("note: " + n));
        out.println("Wrote " + csv.size() + " combined CSV files to " + outDir.resolve("csv") + " and " + figures.size()
                + " figures (PNG, SVG, PDF) to " + outDir + "; open " + index);
        out.flush();
        return new Result(errors.isEmpty() ? 0 : 1, outDir, index, csv, files, errors);
    }

    /** Machines that differ from the first run's, and runs that ran other things. */
    private static List<String> notes(List<ComparedRun> runs) {
        List<String> notes = new ArrayList<>();
        Fingerprint first = Fingerprint.of(runs.getFirst().run().environment());
        for (ComparedRun r : runs.subList(1, runs.size())) {
            List<String> d = first.differences(Fingerprint.of(r.run().environment()));
            if (!d.isEmpty()) {
                notes.add(r.label() + " ran on another kind of machine than " + runs.getFirst().label() + " ("
                        + String.join("; ", d) + "): compare its same-pair ratios, not its absolute times");
            }
        }
        return notes;
    }

    /** The console's part: each run, then the same-pair p50 multiples (all blocks) side by side. */
    private static List<String> summary(List<ComparedRun> runs) {
        List<String> lines = new ArrayList<>();
        lines.add("Comparing " + runs.size() + " runs:");
        for (ComparedRun r : runs) {
            lines.add(String.format(Locale.ROOT, "  %-20s %s (host %s, %s)", r.label(), r.run().dir(),
                    r.run().host().isEmpty() ? "unknown" : r.run().host(),
                    r.run().environment().getOrDefault("cpu.model", "CPU unknown")));
        }
        Set<String> series = new LinkedHashSet<>();
        runs.forEach(r -> series.addAll(r.metrics().p50States().keySet()));
        if (series.isEmpty()) {
            return lines;
        }
        lines.add("Same-pair p50 multiples of the floor, per host state as multiple@floor p50 (- : not in that run):");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-60s", "series"));
        runs.forEach(r -> head.append(String.format(Locale.ROOT, " %-22s", shorten(r.label(), 22))));
        lines.add(head.toString());
        for (String s : series) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-60s", shorten(s, 60)));
            for (ComparedRun r : runs) {
                List<StateMultiple> states = r.metrics().p50States().getOrDefault(s, List.of());
                List<StateMultiple> split = states.stream().filter(m -> !m.state().equals(HostStates.ALL)).toList();
                String v = (split.isEmpty() ? states : split).stream()
                        .map(m -> Estimate.format(m.multiple().value()) + "x@" + Estimate.format(m.floorNs()) + "ns")
                        .reduce((a, b) -> a + " " + b).orElse("-");
                row.append(String.format(Locale.ROOT, " %-22s", v));
            }
            lines.add(row.toString());
        }
        return lines;
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }

    /** Figures and the page of an earlier comparison into the same folder; other files are left alone. */
    private static void removeOldFigures(Path dir) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("q[0-9]+_compare_[A-Za-z0-9_.-]+\\.(png|svg|pdf)") || n.equals(ComparePage.FILE)) {
                    Files.delete(p);
                }
            }
        }
    }
}
