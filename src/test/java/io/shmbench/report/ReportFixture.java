package io.shmbench.report;

import io.shmbench.report.chart.Figure;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Runs the reporter on a fixture and keeps the fixture and what it printed; reads the CSV it wrote. */
final class ReportFixture {
    final FixtureRun fixture;
    final Reporter.Result result;
    final String out;
    final String err;

    private ReportFixture(FixtureRun fixture, Reporter.Result result, String out, String err) {
        this.fixture = fixture;
        this.result = result;
        this.out = out;
        this.err = err;
    }

    static ReportFixture report(FixtureRun f) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Reporter.Result r = Reporter.report(RunLayout.of(f.runDir, null), new PrintWriter(out), new PrintWriter(err));
        return new ReportFixture(f, r, out.toString(), err.toString());
    }

    /** The figure with this id; fails naming the ids there are. */
    Figure figure(String id) {
        return result.figures().figures().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + id + " among " + ids()));
    }

    Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        result.figures().figures().forEach(f -> ids.add(f.id()));
        return ids;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    static List<String> header(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getHeaderNames();
        }
    }
}
