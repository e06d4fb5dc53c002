package io.shmbench.measure;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The raw CSV files the benchmarks write and the reporter reads are the ones docs/RESULTS-FORMAT.md promises. */
class QuestionCsvTest {
    private static final Pattern ROW = Pattern.compile("^\\| `raw/([\\w.]+)` \\| `([^`]+)`", Pattern.MULTILINE);

    @Test
    void namesAndColumnsAreTheDocumentedOnes() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/RESULTS-FORMAT.md")));
        while (m.find()) {
            documented.put(m.group(1), List.of(m.group(2).split(",\\s*")));
        }
        Map<String, List<String>> defined = new LinkedHashMap<>();
        Arrays.stream(QuestionCsv.values()).forEach(file -> defined.put(file.fileName(), file.columns()));

        assertEquals(documented, defined);
    }
}
