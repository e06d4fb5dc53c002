package io.shmbench.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file index.html and summary.md point at exists: each figure's PNG (img src), SVG and PDF,
 * each CSV file a table links to, summary.md; also when the figures are written elsewhere
 * ({@code --plots}), where the CSV links have to climb out of that directory. And the page opens
 * with the run's answers.
 */
class IndexLinksTest {
    private static final Pattern HTML_REFERENCE = Pattern.compile("\\b(?:src|href)=\"([^\"]*)\"");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)]*)\\)");

    @TempDir
    static Path dir;
    static ReportFixture standard;

    @BeforeAll
    static void report() throws Exception {
        standard = ReportFixture.report(FixtureRun.standard(dir.resolve("standard")));
    }

    /** Every local reference of a page, unescaped; anchors within the page and outside addresses left out. */
    static List<String> references(String text, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String ref = m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">");
            if (!ref.startsWith("#") && !ref.matches("[a-z]+:.*")) {
                out.add(ref);
            }
        }
        return out;
    }

    /** Fails naming every reference of {@code page} that does not lead to a file. */
    static void allExist(Path page, Pattern pattern, int atLeast) throws Exception {
        List<String> refs = references(Files.readString(page), pattern);
        assertTrue(refs.size() >= atLeast, page + ": only " + refs.size() + " references: " + refs);
        List<String> missing = refs.stream().filter(r -> !Files.isRegularFile(
                page.getParent().resolve(URLDecoder.decode(r, StandardCharsets.UTF_8)).normalize())).toList();
        assertEquals(List.of(), missing, page + ": references to files that do not exist");
    }

    @Test
    void everyFileTheIndexPageReferencesExists() throws Exception {
        Path index = standard.fixture.plotsDir.resolve(IndexPage.FILE);
        List<String> refs = references(Files.readString(index), HTML_REFERENCE);
        int figures = standard.result.figures().figures().size();
        for (String kind : List.of(".png", ".svg", ".pdf", ".csv")) {
            assertTrue(refs.stream().anyMatch(r -> r.endsWith(kind)), "the page links " + kind + " files: " + refs);
        }
        assertTrue(refs.contains("summary.md"), refs.toString());
        allExist(index, HTML_REFERENCE, 3 * figures + 1);
    }

    @Test
    void everyCsvFileSummaryMdLinksExistsBesideThePlotsAndBesideTheCsv() throws Exception {
        allExist(standard.fixture.plotsDir.resolve("summary.md"), MARKDOWN_LINK, 3);
        allExist(standard.fixture.runDir.resolve("summary.md"), MARKDOWN_LINK, 3);
    }

    @Test
    void thePageOpensWithTheAnswers() throws Exception {
        String html = Files.readString(standard.fixture.plotsDir.resolve(IndexPage.FILE));
        int answers = html.indexOf("What this run found");
        assertTrue(answers > 0 && answers < html.indexOf("<h2 id=\"Q1\">") && answers < html.indexOf("<img"),
                "the summary comes before the figures");
        assertTrue(html.contains("Q7: What survives faults?"), "every measured question");
        assertTrue(html.contains("writer-kill: detected after 49.0 ms (median of 5 trials, 43.0 ms to 55.0 ms)"), "Q7's answer");
    }

    @Test
    void linksHoldWhenThePlotsAreWrittenElsewhere() throws Exception {
        SummaryFixture f = new SummaryFixture(dir.resolve("elsewhere")).transport("shm-ring", 2.0, 0.01)
                .transport("uds", 40, 0.01)
                .throughput("Q1Transports.throughput", Map.of("transport", "uds", "messageBytes", "64"), 1e6, 1e4);
        f.write();
        Path plots = dir.resolve("somewhere/else/plots");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Reporter.Result r = Reporter.report(RunLayout.of(f.run.runDir, plots), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, r.exitCode(), err.toString());
        allExist(plots.resolve(IndexPage.FILE), HTML_REFERENCE, 4);
        allExist(plots.resolve("summary.md"), MARKDOWN_LINK, 1);
        assertTrue(out.toString().contains("Q1 Round trip at 64 B: shm-ring fastest, 2.00x floor"), out.toString());
    }
}
