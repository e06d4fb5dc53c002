package io.shmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.shmbench.measure.SeriesName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code raw/jmh.json}: JMH's own result format, an array of {@code {benchmark, mode, params,
 * primaryMetric {score, scoreError, scoreUnit, ...}, secondaryMetrics {name: metric}}}. JMH writes
 * a missing error as the string "NaN", so numbers may come as strings. An entry that does not fit is
 * reported and skipped; the other entries are kept.
 */
public final class JmhResultReader {
    private JmhResultReader() {
    }

    /** The results that could be read, and how many entries the array holds (the skipped ones included). */
    public record Entries(List<JmhResult> results, int count) {
        public static final Entries NONE = new Entries(List.of(), -1);
    }

    public static Entries read(Path file, Problems problems) throws BadInputException {
        JsonNode root = JsonFile.read(file, "; the run wrote no JMH results",
                "; JMH writes it when the run ends, so the run probably died first");
        if (!root.isArray()) {
            throw new BadInputException(file, "expected a JSON array of JMH results, found " + root.getNodeType());
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                results.add(entry(root.get(i), i));
            } catch (IllegalArgumentException e) {
                problems.error(file + ": result #" + (i + 1) + " skipped: " + e.getMessage());
            }
        }
        return new Entries(results, root.size());
    }

    private static JmhResult entry(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String benchmark = text(node, "benchmark");
        String mode = text(node, "mode");
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = node.path("params");
        if (!p.isMissingNode() && !p.isNull()) {
            if (!p.isObject()) {
                throw new IllegalArgumentException(benchmark + ": params is not an object");
            }
            p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode primary = node.path("primaryMetric");
        if (!primary.isObject()) {
            throw new IllegalArgumentException(benchmark + ": primaryMetric missing");
        }
        Map<String, JmhMetric> secondary = new LinkedHashMap<>();
        JsonNode s = node.path("secondaryMetrics");
        if (s.isObject()) {
            for (var e : s.properties()) {
                secondary.put(e.getKey(), metric(benchmark + ": secondaryMetrics." + e.getKey(), e.getValue()));
            }
        }
        return new JmhResult(SeriesName.of(benchmark, params), mode,
                metric(benchmark + ": primaryMetric", primary), secondary, index);
    }

    private static JmhMetric metric(String where, JsonNode node) {
        return new JmhMetric(number(where, node, "score", false), number(where, node, "scoreError", true),
                node.path("scoreUnit").asText(""));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a string");
        }
        return v.asText();
    }

    private static double number(String where, JsonNode node, String field, boolean optional) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        if (optional && (v.isMissingNode() || v.isNull())) {
            return Double.NaN;
        }
        throw new IllegalArgumentException(where + "." + field + " is " + (v.isMissingNode() ? "missing" : "not a number: " + v));
    }
}
