package io.shmbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shmbench.measure.SeriesName;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a small but complete run directory the way the benchmarks do (docs/RESULTS-FORMAT.md):
 * known values recorded into HdrHistograms and written with HistogramLogWriter (warm-up intervals
 * with outlandish values that the reporter must ignore), a JMH JSON file with known scores, the
 * question CSVs and env.json. Keeps what it wrote so tests can compare.
 */
final class FixtureRun {
    static final String RUN_ID = "fixture-run";
    static final String HOST = "fixture-host";
    static final long WARMUP_VALUE_NS = 900_000_000L; // 0.9 s: no measurement value comes near it
    static final List<String> Q1_TRANSPORTS = List.of("floor", "shm-ring", "agrona", "uds", "tcp", "pipe");
    static final List<String> Q1_SIZES = List.of("64", "2048");

    final Path root;
    final Path runDir;
    final Path plotsDir;
    /** .hlog file name to the histogram of its measurement intervals added together. */
    final Map<String, Histogram> expected = new TreeMap<>();
    /** jmh.json entries as written (benchmark, mode, params, score, error, unit, secondary). */
    final List<Map<String, Object>> jmh = new ArrayList<>();
    private final Random random = new Random(42);
    private final ObjectMapper json = new ObjectMapper();
    private final ArrayNode jmhArray = json.createArrayNode();

    FixtureRun(Path root) throws IOException {
        this.root = root;
        this.runDir = root.resolve("results").resolve(RUN_ID);
        this.plotsDir = root.resolve("plots").resolve(RUN_ID);
        Files.createDirectories(runDir.resolve("raw"));
    }

    /** The standard fixture: every question with data, a few failures marked in outcomes.csv. */
    static FixtureRun standard(Path root) throws IOException {
        FixtureRun f = new FixtureRun(root);
        f.env("shmbench-env/1");
        for (String size : Q1_SIZES) {
            for (int i = 0; i < Q1_TRANSPORTS.size(); i++) {
                String t = Q1_TRANSPORTS.get(i);
                f.hlog("Q1Transports.roundTrip", Map.of("transport", t, "messageBytes", size), 200 + 900L * i, 3, 2);
                f.throughput("Q1Transports.stream", Map.of("transport", t, "messageBytes", size),
                        5e6 / (i + 1) / Math.sqrt(Integer.parseInt(size) / 64.0), "ops/s", i == 1 ? Double.NaN : 1e4);
            }
        }
        for (String order : List.of("OPAQUE", "RELEASE_ACQUIRE", "VOLATILE", "FENCED")) {
            Map<String, String> p = Map.of("memoryOrder", order, "transport", "shm-ring", "messageBytes", "64");
            f.hlog("Q2MemoryOrders.roundTrip", p, 300, 2, 1);
            f.throughput("Q2MemoryOrders.stream", p, 2.5, "ops/us", 0.1);
        }
        // A variant that timed out returns at once for the rest of its trial; JMH still reports a (meaningless) score.
        f.throughput("Q2MemoryOrders.stream", Map.of("memoryOrder", "PLAIN", "transport", "shm-ring", "messageBytes", "64"),
                900.0, "ops/us", 50.0);
        for (String slots : List.of("1", "2", "3", "4", "8", "16", "64", "1024")) {
            Map<String, String> p = Map.of("slots", slots, "transport", "shm-ring");
            f.hlog("Q3Slots.roundTrip", p, 250 + Integer.parseInt(slots), 2, 1);
            f.throughput("Q3Slots.stream", p, 1e6 * Math.log(2 + Integer.parseInt(slots)), "ops/s", 5e4);
        }
        for (String pad : List.of("PACKED", "PAD_64", "PAD_128")) {
            for (String cache : List.of("true", "false")) {
                Map<String, String> p = Map.of("padding", pad, "cacheRemoteIndex", cache, "transport", "shm-ring");
                f.hlog("Q4Padding.roundTrip", p, 260, 2, 1);
                f.throughput("Q4Padding.stream", p, 3e6 + pad.length() * 1e5, "ops/s", 6e4);
            }
        }
        for (String layout : List.of("AoS", "SoA", "hybrid")) {
            for (String servers : List.of("16", "64", "256")) {
                f.hlog("Q5PayloadLayout.write", Map.of("payloadLayout", layout, "servers", servers),
                        40L * Integer.parseInt(servers), 2, 1);
            }
        }
        for (String placement : List.of("same-core", "cross-core")) {
            for (String t : List.of("floor", "shm-ring", "uds")) {
                Map<String, String> p = Map.of("placement", placement, "transport", t);
                f.hlog("Q6Placement.roundTrip", p, placement.equals("same-core") ? 150 : 400, 2, 1);
                f.throughput("Q6Placement.stream", p, 4e6, "ops/s", 1e5);
            }
        }
        f.avgt("Q5PayloadLayout.write", Map.of("payloadLayout", "AoS", "servers", "16"), 640, "ns/op");
        f.avgt("Q1RingSideAlone.write", Map.of("messageBytes", "2048"), 0.15, "us/op");
        f.avgt("Q0RecordingCost.recordOnly", Map.of(), 12, "ns/op");
        f.jmhFile();
        f.csv("outcomes.csv", List.of("benchmark", "params", "status", "detail"), List.of(
                List.of("io.shmbench.bench.Q2MemoryOrders.roundTrip", "memoryOrder=PLAIN,messageBytes=64,transport=shm-ring",
                        "timed out", "no echo within 30 s"),
                List.of("Q2MemoryOrders.roundTrip", "memoryOrder=OPAQUE,messageBytes=64,transport=shm-ring",
                        "corrupt", "3 corrupt of 100000 messages"),
                List.of("Q2MemoryOrders.stream", "memoryOrder=PLAIN,messageBytes=64,transport=shm-ring",
                        "timed out", "timed out waiting for a free slot"),
                List.of("Q1Transports.roundTrip", "messageBytes=64,transport=mq", "unsupported", "mq not built here"),
                List.of("Q1Transports.roundTrip", "messageBytes=64,transport=shm-ring", "ok", "")));
        List<List<String>> loss = new ArrayList<>();
        for (String ratio : List.of("1", "1.25", "2", "4")) {
            for (int slots : new int[]{1, 2, 4, 8, 16}) {
                double r = Double.parseDouble(ratio);
                double lossFraction = Math.max(0, 1 - slots / r) * 0.5;
                long written = 100_000;
                long missed = Math.round(written * lossFraction);
                loss.add(List.of(Integer.toString(slots), ratio, Long.toString(written), Long.toString(written - missed),
                        Long.toString(missed), Double.toString(lossFraction), Long.toString(100L * slots), Long.toString(300L * slots)));
            }
        }
        f.csv("q3_overwrite_loss.csv", List.of("slots", "rate_ratio", "written", "delivered", "missed", "loss_fraction",
                "staleness_p50_ns", "staleness_p99_ns"), loss);
        f.csv("q6_placements.csv", List.of("placement", "available", "reason"), List.of(
                List.of("same-core", "true", ""), List.of("cross-core", "true", ""),
                List.of("cross-node", "false", "needs 2 NUMA nodes")));
        List<List<String>> matrix = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                matrix.add(List.of(Integer.toString(a), Integer.toString(b), a == b ? "" : Integer.toString(100 + 30 * Math.abs(a - b)),
                        a == b ? "" : Integer.toString(300 + 50 * Math.abs(a - b))));
            }
        }
        f.csv("q6_core_matrix.csv", List.of("cpu_a", "cpu_b", "p50_ns", "p99_ns"), matrix);
        List<List<String>> faults = new ArrayList<>();
        for (int trial = 1; trial <= 5; trial++) {
            faults.add(List.of("writer-kill", Integer.toString(trial), "detection_ns", Long.toString(40_000_000L + trial * 3_000_000L)));
            faults.add(List.of("stale-writer", Integer.toString(trial), "detection_ns", Long.toString(95_000_000L + trial * 1_000_000L)));
            faults.add(List.of("slow-reader seqlock", Integer.toString(trial), "torn_delivered_count", "0"));
            faults.add(List.of("slow-reader seqlock", Integer.toString(trial), "torn_caught_count", Integer.toString(10 + trial)));
            faults.add(List.of("slow-reader double-buffer", Integer.toString(trial), "torn_delivered_count", Integer.toString(4 + trial)));
        }
        f.csv("q7_faults.csv", List.of("scenario", "trial", "metric", "value"), faults);
        return f;
    }

    void env(String schema) throws IOException {
        ObjectNode env = json.createObjectNode();
        env.put("schema", schema);
        env.put("complete", true);
        env.put("profile", "smoke");
        env.put("hostname", HOST);
        ObjectNode cpu = env.putObject("cpu");
        cpu.put("model", "Fixture CPU @ 3.0GHz");
        cpu.put("cores", 4);
        env.putArray("numaNodes").add(0);
        env.put("kernel", "6.1.0-fixture");
        env.put("jdk", "25");
        Files.writeString(runDir.resolve("env.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(env));
    }

    /** Writes raw/<benchmark>@<params>.hlog: {@code warmups} warm-up and {@code measurements} measurement intervals. */
    String hlog(String benchmark, Map<String, String> params, long baseNs, int measurements, int warmups) throws IOException {
        String name = benchmark + (params.isEmpty() ? "" : "@" + SeriesName.paramsText(new TreeMap<>(params))) + ".hlog";
        Histogram merged = new Histogram(3);
        try (PrintStream out = new PrintStream(Files.newOutputStream(runDir.resolve("raw").resolve(name)))) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            long start = 1_700_000_000_000L;
            w.outputStartTime(start);
            w.setBaseTime(start);
            w.outputLegend();
            int interval = 0;
            for (int i = 0; i < warmups + measurements; i++) {
                boolean warm = i < warmups;
                Histogram h = new Histogram(3);
                int n = 2000;
                for (int k = 0; k < n; k++) {
                    h.recordValue(warm ? WARMUP_VALUE_NS + k : Math.round(baseNs * Math.exp(0.35 * Math.abs(random.nextGaussian()))));
                }
                if (!warm) {
                    h.recordValue(baseNs * 40); // a rare tail value, so p99.99 and max differ from p99
                    merged.add(h);
                }
                h.setTag(warm ? "warmup" : "measurement");
                h.setStartTimeStamp(start + 1000L * interval);
                h.setEndTimeStamp(start + 1000L * ++interval);
                w.outputIntervalHistogram(h);
            }
        }
        expected.put(name, merged);
        return name;
    }

    void throughput(String benchmark, Map<String, String> params, double score, String unit, double error) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", "io.shmbench.bench." + benchmark);
        row.put("mode", "thrpt");
        row.put("params", new TreeMap<>(params));
        row.put("score", score);
        row.put("error", error);
        row.put("unit", unit);
        ObjectNode node = entry(row);
        // Half the rows report CPU as cpuNsPerMsg, the others as the cpuNs/messages counter pair.
        ObjectNode secondary = node.putObject("secondaryMetrics");
        if (jmh.size() % 2 == 0) {
            secondary.set("cpuNsPerMsg", metric(850.0 + jmh.size(), Double.NaN, "ns/msg"));
            row.put("cpu", 850.0 + jmh.size());
        } else {
            secondary.set("cpuNs", metric(3.0e9, Double.NaN, "#"));
            secondary.set("messages", metric(1.5e6, Double.NaN, "#"));
            row.put("cpu", 2000.0);
        }
        jmh.add(row);
        jmhArray.add(node);
    }

    void avgt(String benchmark, Map<String, String> params, double score, String unit) {
        avgt(benchmark, params, score, 1.0, unit);
    }

    /** An average-time result with JMH's 99.9% half-width {@code error} (NaN: JMH had too few iterations). */
    void avgt(String benchmark, Map<String, String> params, double score, double error, String unit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", "io.shmbench.bench." + benchmark);
        row.put("mode", "avgt");
        row.put("params", new TreeMap<>(params));
        row.put("score", score);
        row.put("error", error);
        row.put("unit", unit);
        jmhArray.add(entry(row));
    }

    private ObjectNode entry(Map<String, Object> row) {
        ObjectNode node = json.createObjectNode();
        node.put("jmhVersion", "1.37");
        node.put("benchmark", (String) row.get("benchmark"));
        node.put("mode", (String) row.get("mode"));
        node.put("threads", 1);
        node.put("forks", 1);
        ObjectNode params = node.putObject("params");
        @SuppressWarnings("unchecked")
        Map<String, String> p = (Map<String, String>) row.get("params");
        p.forEach(params::put);
        node.set("primaryMetric", metric((double) row.get("score"), (double) row.get("error"), (String) row.get("unit")));
        return node;
    }

    private ObjectNode metric(double score, double error, String unit) {
        ObjectNode m = json.createObjectNode();
        m.put("score", score);
        if (Double.isNaN(error)) {
            m.put("scoreError", "NaN"); // as JMH writes it
            m.putArray("scoreConfidence").add("NaN").add("NaN");
        } else {
            m.put("scoreError", error);
            m.putArray("scoreConfidence").add(score - error).add(score + error);
        }
        m.put("scoreUnit", unit);
        m.putArray("rawData").addArray().add(score).add(score);
        return m;
    }

    /** How many entries raw/jmh.json holds so far: the index the next one gets. */
    int jmhEntries() {
        return jmhArray.size();
    }

    void jmhFile() throws IOException {
        Files.writeString(runDir.resolve("raw/jmh.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(jmhArray));
    }

    void csv(String name, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(runDir.resolve("raw").resolve(name));
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        }
    }

    Path raw(String name) {
        return runDir.resolve("raw").resolve(name);
    }

    Path csvOut(String name) {
        return runDir.resolve("csv").resolve(name);
    }
}
