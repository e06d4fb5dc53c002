package io.shmbench.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shmbench.report.Cells;
import io.shmbench.report.KeyColumns;
import io.shmbench.report.ReportTables;
import io.shmbench.report.TidyCsvWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic run as the gate reads it: env.json and the tidy CSV files, with the headers the
 * reporter writes (made by TidyCsvWriter itself from empty tables) and the rows a test gives.
 */
final class TidyRunFixture {
    static final String RT = "Q1Transports.roundTrip";
    static final String THROUGHPUT = "Q1Transports.throughput";
    static final String CPU = "AMD EPYC";

    final Path dir;
    private final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
    private String cpuModel = CPU;

    TidyRunFixture(Path root, String runId) {
        this.dir = root.resolve("results").resolve(runId);
    }

    TidyRunFixture cpu(String model) {
        cpuModel = model;
        return this;
    }

    /** A row of floor_multiples.csv: the series' p50 multiple in one host state, with its interval. */
    TidyRunFixture multiple(String transport, String state, double floorNs, double p50, double low, double high) {
        Map<String, String> r = key(RT, transport, "64");
        r.put("host_state", state);
        r.put("blocks", "1000");
        r.put("block_share", state.equals("all") ? "1" : "0.5");
        r.put("floor_p50_ns", num(floorNs));
        r.put("p50_x_floor", num(p50));
        r.put("p50_x_floor_low", num(low));
        r.put("p50_x_floor_high", num(high));
        return add(TidyCsvWriter.FLOOR_MULTIPLES, r);
    }

    /** The p99 multiple goes on the series' {@code all} row, which {@link #multiple} wrote first. */
    TidyRunFixture p99Multiple(String transport, double p99, double low, double high) {
        Map<String, String> all = rows.get(TidyCsvWriter.FLOOR_MULTIPLES).stream()
                .filter(r -> r.get("transport").equals(transport) && r.get("host_state").equals("all")).findFirst().orElseThrow();
        all.put("p99_x_floor", num(p99));
        all.put("p99_x_floor_low", num(low));
        all.put("p99_x_floor_high", num(high));
        return this;
    }

    TidyRunFixture throughput(String transport, double msgsPerS, double error, double cpuNsPerMsg) {
        Map<String, String> r = key(THROUGHPUT, transport, "64");
        r.put("msgs_per_s", num(msgsPerS));
        r.put("msgs_per_s_error", num(error));
        r.put("bytes_per_s", num(msgsPerS * 64));
        r.put("cpu_ns_per_msg", num(cpuNsPerMsg));
        return add(TidyCsvWriter.THROUGHPUT, r);
    }

    TidyRunFixture latency(String benchmark, String transport, long p50, long p99) {
        Map<String, String> r = key(benchmark, transport, "64");
        r.put("samples", "100000");
        r.put("p50_ns", Long.toString(p50));
        r.put("p99_ns", Long.toString(p99));
        return add(TidyCsvWriter.LATENCY_SUMMARY, r);
    }

    /** Writes env.json and every tidy CSV file; returns the run directory. */
    Path write() throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode env = json.createObjectNode();
        env.put("schema", "shmbench-env/1");
        env.put("hostname", "host-" + dir.getFileName());
        env.put("profile", "smoke");
        env.put("complete", true);
        ObjectNode cpu = env.putObject("cpu");
        cpu.put("model", cpuModel);
        cpu.put("cpus", 2);
        cpu.put("cores", 2);
        env.putObject("jdk").put("version", "25.0.3+9-LTS").put("vendor", "Eclipse Adoptium");
        Files.writeString(dir.resolve("env.json"), json.writeValueAsString(env));
        Path csv = dir.resolve("csv");
        TidyCsvWriter.writeAll(csv, new ReportTables(List.of(), List.of(), List.of(), List.of(), List.of(), 0, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of()), dir.getFileName().toString(), "host-" + dir.getFileName());
        for (var e : rows.entrySet()) {
            Path file = csv.resolve(e.getKey());
            List<String> header;
            try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().get())) {
                header = p.getHeaderNames();
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
                for (Map<String, String> r : e.getValue()) {
                    List<String> cells = new ArrayList<>();
                    for (String column : header) {
                        cells.add(r.getOrDefault(column, column.equals("run_id") ? dir.getFileName().toString()
                                : column.equals("host") ? "host-" + dir.getFileName() : ""));
                    }
                    out.printRecord(cells);
                }
            }
        }
        return dir;
    }

    private TidyRunFixture add(String file, Map<String, String> row) {
        rows.computeIfAbsent(file, f -> new ArrayList<>()).add(row);
        return this;
    }

    private static Map<String, String> key(String benchmark, String transport, String size) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String c : KeyColumns.NAMES) {
            r.put(c, "");
        }
        r.put("question", benchmark.substring(0, 2));
        r.put("benchmark", benchmark);
        r.put("transport", transport);
        r.put("message_bytes", size);
        r.put("wait_strategy", "spin");
        return r;
    }

    private static String num(double d) {
        return Cells.number(d);
    }
}
