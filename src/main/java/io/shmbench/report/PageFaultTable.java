package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Page faults per message of Q1's throughput series, in this JVM and in its peer: the
 * {@code pageFaults} and {@code peerPageFaults} counters of {@code measure.CpuCost} divided by its
 * {@code messages}, written to {@value #FILE} (docs/RESULTS-FORMAT.md) and summed up for the
 * shared-memory transports in the console summary. A mapped transport that faults on its message
 * path (a queue mapping fresh file pages, a ring not pre-touched) shows here; a run with rounds
 * gives each series the median of its rounds.
 */
public final class PageFaultTable {
    public static final String FILE = "page_faults.csv";
    static final String PAGE_FAULTS = "pageFaults";
    static final String PEER_PAGE_FAULTS = "peerPageFaults";
    /** Transports whose messages cross shared memory: the summary's lines are about these. */
    static final Set<String> SHARED_MEMORY = Set.of("shm-ring", "shm-ring-c", "agrona", "chronicle-queue", "chronicle-style");

    /** One series: faults per message in this JVM ({@code here}) and in its peer. */
    public record Row(SeriesName key, double here, double peer) {
    }

    private PageFaultTable() {
    }

    /** The throughput results that carry the fault counters, one row per series. */
    public static List<Row> of(List<JmhResult> jmh) {
        Map<SeriesName, List<Row>> bySeries = new LinkedHashMap<>();
        for (JmhResult r : jmh) {
            if (!JmhResult.THROUGHPUT_MODE.equals(r.mode())) {
                continue;
            }
            Optional<JmhMetric> messages = r.secondary(Throughput.MESSAGES);
            Optional<JmhMetric> here = r.secondary(PAGE_FAULTS);
            Optional<JmhMetric> peer = r.secondary(PEER_PAGE_FAULTS);
            if (messages.isPresent() && here.isPresent() && peer.isPresent() && messages.get().score() > 0) {
                double n = messages.get().score();
                bySeries.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(new Row(r.key(), here.get().score() / n, peer.get().score() / n));
            }
        }
        return bySeries.values().stream()
                .map(rounds -> new Row(rounds.getFirst().key(), Median.of(rounds.stream().mapToDouble(Row::here).toArray()),
                        Median.of(rounds.stream().mapToDouble(Row::peer).toArray())))
                .sorted(Comparator.comparing(Row::key, SeriesOrder.KEYS)).toList();
    }

    /** Writes {@value #FILE} into {@code csvDir}: the run columns, the series' key columns, then the two rates. */
    public static Path write(Path csvDir, List<Row> rows, String runId, String host) throws IOException {
        Files.createDirectories(csvDir);
        Path file = csvDir.resolve(FILE);
        List<String> columns = new ArrayList<>(TidyCsvWriter.RUN_COLUMNS);
        columns.addAll(KeyColumns.header("page_faults_per_msg", "peer_page_faults_per_msg"));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).setRecordSeparator('\n').get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter out = new CSVPrinter(w, format)) {
            for (Row row : rows) {
                List<Object> cells = new ArrayList<>(List.of(runId, host));
                cells.addAll(KeyColumns.values(row.key()));
                cells.add(Cells.number(row.here()));
                cells.add(Cells.number(row.peer()));
                out.printRecord(cells);
            }
        }
        return file;
    }

    /** One console line per shared-memory transport's series, e.g. "Q1 page faults per message, chronicle-style at 2048 B (throughput): 0.0012 here, 0.0004 in the peer". */
    public static List<String> summaryLines(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            Optional<String> transport = row.key().param("transport");
            if (transport.isPresent() && SHARED_MEMORY.contains(transport.get())) {
                // Q1's throughput and fixed-rate series share transport and size; the method tells them apart.
                lines.add(String.format("  Q1 page faults per message, %s at %s B (%s): %.4f here, %.4f in the peer", transport.get(),
                        row.key().param("messageBytes").orElse("?"), row.key().method(), row.here(), row.peer()));
            }
        }
        return lines;
    }
}
