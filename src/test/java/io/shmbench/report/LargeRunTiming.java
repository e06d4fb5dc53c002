package io.shmbench.report;

import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.FigureRenderer;
import io.shmbench.report.figure.FigureSet;
import io.shmbench.report.figure.Figures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: measures how long reporting a large synthetic run takes (about 300 latency series and
 * 200 throughput results), end to end and per phase. Run by hand:
 * {@code java -cp target/classes:target/test-classes:<deps> io.shmbench.report.LargeRunTiming DIR}.
 */
public final class LargeRunTiming {
    private LargeRunTiming() {
    }

    public static void main(String[] args) throws Exception {
        FixtureRun f = new FixtureRun(Path.of(args[0]));
        f.env("shmbench-env/1");
        List<String> transports = List.of("floor", "shm-ring", "agrona", "chronicle-queue", "chronicle-style", "uds",
                "tcp", "pipe", "fifo", "mq");
        List<String> sizes = List.of("8", "64", "256", "2048", "2880", "65536");
        int series = 0;
        for (String method : List.of("roundTrip", "fixedRate", "oneWay")) {
            for (String t : transports) {
                for (String s : sizes) {
                    f.hlog("Q1Transports." + method, Map.of("transport", t, "messageBytes", s), 300 + 100L * t.length(), 5, 2);
                    series++;
                }
            }
        }
        for (String t : transports) {
            for (String s : sizes) {
                f.throughput("Q1Transports.stream", Map.of("transport", t, "messageBytes", s), 1e6, "ops/s", 1e4);
            }
        }
        for (String order : List.of("PLAIN", "OPAQUE", "RELEASE_ACQUIRE", "VOLATILE", "FENCED")) {
            for (String s : sizes) {
                f.hlog("Q2MemoryOrders.roundTrip", Map.of("memoryOrder", order, "messageBytes", s), 300, 5, 2);
                f.throughput("Q2MemoryOrders.stream", Map.of("memoryOrder", order, "messageBytes", s), 2e6, "ops/s", 1e4);
                series++;
            }
        }
        for (String slots : List.of("1", "2", "3", "4", "5", "8", "16", "64", "256", "1024", "4096", "65536")) {
            for (String w : List.of("SPIN", "YIELD", "PARK")) {
                f.hlog("Q3Slots.roundTrip", Map.of("slots", slots, "waitStrategy", w), 300, 5, 2);
                f.throughput("Q3Slots.stream", Map.of("slots", slots, "waitStrategy", w), 2e6, "ops/s", 1e4);
                series++;
            }
        }
        for (String pad : List.of("PACKED", "PAD_64", "PAD_128")) {
            for (String cache : List.of("true", "false")) {
                for (String align : List.of("packed", "aligned")) {
                    Map<String, String> p = Map.of("padding", pad, "cacheRemoteIndex", cache, "slotAlignment", align);
                    f.hlog("Q4Padding.roundTrip", p, 300, 5, 2);
                    f.throughput("Q4Padding.stream", p, 3e6, "ops/s", 1e4);
                    series++;
                }
            }
        }
        for (String m : List.of("write", "aggregate", "readAll")) {
            for (String layout : List.of("AoS", "SoA", "hybrid")) {
                for (String servers : List.of("16", "64", "256")) {
                    f.hlog("Q5PayloadLayout." + m, Map.of("payloadLayout", layout, "servers", servers), 1000, 5, 2);
                    series++;
                }
            }
        }
        for (String pl : List.of("same-core", "smt-sibling", "cross-core")) {
            for (String t : List.of("floor", "shm-ring", "uds")) {
                f.hlog("Q6Placement.roundTrip", Map.of("placement", pl, "transport", t), 300, 5, 2);
                f.throughput("Q6Placement.stream", Map.of("placement", pl, "transport", t), 3e6, "ops/s", 1e4);
                series++;
            }
        }
        f.jmhFile();
        System.out.println("synthetic run: " + series + " latency series, " + f.jmh.size() + " throughput results");

        long t0 = System.nanoTime();
        Problems problems = new Problems();
        RunLayout layout = RunLayout.of(f.runDir, null);
        RunData data = RunReader.read(layout, problems);
        long t1 = System.nanoTime();
        ReportTables tables = ReportTables.of(data);
        TidyCsvWriter.writeAll(layout.csvDir(), tables, layout.runId(), "");
        long t2 = System.nanoTime();
        FigureSet figures = Figures.build(tables, data.faults());
        long t3 = System.nanoTime();
        Files.createDirectories(layout.plotsDir());
        long png = 0;
        long svg = 0;
        long pdf = 0;
        for (Figure fig : figures.figures()) {
            List<Path> files = FigureRenderer.files(layout.plotsDir(), fig);
            long a = System.nanoTime();
            FigureRenderer.writePng(fig, files.get(0));
            long b = System.nanoTime();
            FigureRenderer.writeSvg(fig, files.get(1));
            long c = System.nanoTime();
            FigureRenderer.writePdf(fig, files.get(2));
            long d = System.nanoTime();
            png += b - a;
            svg += c - b;
            pdf += d - c;
        }
        long t4 = System.nanoTime();
        System.out.printf("phases: read %.2f s, tables+csv %.2f s, build %d figures %.2f s, render %.2f s "
                        + "(png %.2f, svg %.2f, pdf %.2f)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, figures.figures().size(),
                (t3 - t2) / 1e9, (t4 - t3) / 1e9, png / 1e9, svg / 1e9, pdf / 1e9);

        long e0 = System.nanoTime();
        Reporter.Result r = Reporter.report(layout, new PrintWriter(new StringWriter()), new PrintWriter(System.err, true));
        System.out.printf("end to end (second, warm JVM): %.2f s, %d figures, exit %d%n", (System.nanoTime() - e0) / 1e9,
                r.figures().figures().size(), r.exitCode());
    }
}
