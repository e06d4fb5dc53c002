package io.shmbench.report;

import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.FigureRenderer;
import io.shmbench.report.figure.FigureSet;
import io.shmbench.report.figure.Figures;
import io.shmbench.report.summary.RunSummary;
import io.shmbench.report.summary.SummaryConsole;
import io.shmbench.report.summary.SummaryMarkdown;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Turns a run directory into tidy CSV, figures, the run's answers (summary.md) and an index page, and
 * prints a short summary.
 * Bad or missing inputs are reported and skipped; everything that can still be made is made, and
 * the exit code says whether anything was wrong.
 */
public final class Reporter {
    /** What one report produced. */
    public record Result(int exitCode, Problems problems, ReportTables tables, FigureSet figures,
                         List<Path> csvFiles, List<Path> figureFiles, Path indexPage, RunSummary summary) {
    }

    private Reporter() {
    }

    public static Result report(RunLayout layout, PrintWriter out, PrintWriter err) {
        Problems problems = new Problems();
        if (!ChartStyle.hasPreferredFont()) {
            problems.note("font " + ChartStyle.PREFERRED_FONT + " is not installed (Debian: fonts-dejavu-core); "
                    + "figures use the logical font SansSerif instead");
        }
        RunData data = RunReader.read(layout, problems);
        ReportTables tables = ReportTables.of(data);
        List<Path> csv = List.of();
        List<PageFaultTable.Row> faults = PageFaultTable.of(data.jmh());
        try {
            csv = new ArrayList<>(TidyCsvWriter.writeAll(layout.csvDir(), tables, layout.runId(), host(data)));
            csv.add(PageFaultTable.write(layout.csvDir(), faults, layout.runId(), host(data)));
        } catch (IOException e) {
            problems.error(layout.csvDir() + ": cannot write the tidy CSV files: " + e);
        }
        FigureSet figures = Figures.build(tables, data.faults());
        figures.errors().forEach(problems::error);
        List<Path> figureFiles = new ArrayList<>();
        Path index = null;
        List<String> summary = ConsoleSummary.lines(tables);
        RunSummary answers = RunSummary.of(layout.runId(), data.environment(), tables, problems);
        try {
            // Beside the CSV files too: the answers stay with the numbers when plots/ is elsewhere or not kept.
            SummaryMarkdown.write(layout.runDir(), answers, name -> layout.csvHref(layout.runDir(), name));
        } catch (IOException e) {
            problems.error(layout.runDir() + ": cannot write " + SummaryMarkdown.FILE + ": " + e);
        }
        try {
            prepare(layout.plotsDir());
            figureFiles.addAll(render(figures.figures(), layout.plotsDir(), problems));
            SummaryMarkdown.write(layout.plotsDir(), answers, name -> layout.csvHref(layout.plotsDir(), name));
            index = IndexPage.write(layout.plotsDir(), layout, data, tables, figures, problems, summary, answers);
        } catch (IOException e) {
            problems.error(layout.plotsDir() + ": cannot write figures: " + e);
        }
        summary.forEach(out::println);
        SummaryConsole.lines(answers).forEach(out::println);
        PageFaultTable.summaryLines(faults).forEach(out::println);
        out.println("Wrote " + csv.size() + " CSV files to " + layout.csvDir() + " and " + figures.figures().size()
                + " figures (PNG, SVG, PDF) to " + layout.plotsDir() + (index == null ? "" : "; open " + index));
        problems.notes().forEach(n -> out.println("note: " + n));
        problems.errors().forEach(e -> err.println("error: " + e));
        out.flush();
        err.flush();
        return new Result(problems.hasErrors() ? 1 : 0, problems, tables, figures, csv, figureFiles, index, answers);
    }

    /**
     * Only the tidy CSV files of a run, without figures: for the gate and compare, which read a
     * run's CSV and make them when a run has none yet. The problems are those the full report
     * would have found in the raw files.
     */
    public static Problems writeTidyCsv(RunLayout layout) {
        Problems problems = new Problems();
        RunData data = RunReader.read(layout, problems);
        try {
            TidyCsvWriter.writeAll(layout.csvDir(), ReportTables.of(data), layout.runId(), host(data));
            PageFaultTable.write(layout.csvDir(), PageFaultTable.of(data.jmh()), layout.runId(), host(data));
        } catch (IOException e) {
            problems.error(layout.csvDir() + ": cannot write the tidy CSV files: " + e);
        }
        return problems;
    }

    /** env.json's hostname, empty when the run has none. */
    static String host(RunData data) {
        return data.environment().map(e -> e.entries().getOrDefault(HOSTNAME, "")).orElse("");
    }

    private static final String HOSTNAME = "hostname";

    /**
     * Writes the figures on all cores: rendering (PNG, SVG, PDF) is most of a report's time and
     * every chart is independent of the others.
     */
    private static List<Path> render(List<Figure> figures, Path dir, Problems problems) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), figures.size()));
        List<Path> files = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<Path>>> done = new ArrayList<>();
            for (Figure f : figures) {
                done.add(pool.submit(() -> {
                    try {
                        return FigureRenderer.write(f, dir);
                    } catch (IOException | RuntimeException e) {
                        problems.error(dir.resolve(f.id()) + ": figure could not be written: " + e);
                        return List.<Path>of();
                    }
                }));
            }
            for (Future<List<Path>> d : done) {
                try {
                    files.addAll(d.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problems.error(dir + ": interrupted while writing figures");
                    break;
                } catch (ExecutionException e) {
                    problems.error(dir + ": figure could not be written: " + e.getCause());
                }
            }
        }
        return files;
    }

    /** Creates the plots directory and removes figures of an earlier report of the same run. */
    private static void prepare(Path plotsDir) throws IOException {
        Files.createDirectories(plotsDir);
        try (Stream<Path> old = Files.list(plotsDir)) {
            for (Path p : old.toList()) {
                String n = p.getFileName().toString();
                // Only the reporter's own files (q<N>_*.png|svg|pdf): --plots may point at a directory with others.
                if (n.matches("q[0-9]+_[A-Za-z0-9_.-]+\\.(png|svg|pdf)") || n.equals(IndexPage.FILE)) {
                    Files.delete(p);
                }
            }
        }
    }
}
