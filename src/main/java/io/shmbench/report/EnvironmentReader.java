package io.shmbench.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reads env.json and checks its schema ({@value #SCHEMA}, the only version this reporter knows). */
public final class EnvironmentReader {
    public static final String SCHEMA = "shmbench-env/1";

    private EnvironmentReader() {
    }

    /**
     * Reads the file. An unknown schema is reported as an error but the entries are still
     * returned, so the page can show what the file says.
     */
    public static Environment read(Path file, Problems problems) throws BadInputException {
        JsonNode root = JsonFile.read(file, "; the run recorded no environment", "");
        if (!root.isObject()) {
            throw new BadInputException(file, "expected a JSON object");
        }
        String schema = root.path("schema").asText("");
        if (!SCHEMA.equals(schema)) {
            problems.error(file + ": unknown schema '" + schema + "'; this reporter reads '" + SCHEMA
                    + "' (the run was written by a different version of shmbench)");
        }
        Optional<Boolean> complete = root.path("complete").isBoolean()
                ? Optional.of(root.path("complete").booleanValue()) : Optional.empty();
        Map<String, String> entries = new LinkedHashMap<>();
        flatten("", root, entries);
        return new Environment(schema, complete, entries);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray() && StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isValueNode)) {
            out.put(prefix, StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(", ")));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
