package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The key columns every tidy CSV starts with: which question and benchmark, then one column per
 * common JMH parameter (empty where it does not apply) and {@code other_params} for the rest, so
 * every row is identified by its key columns alone.
 */
public final class KeyColumns {
    /** CSV column name to JMH parameter name, in column order. */
    public static final Map<String, String> PARAM_COLUMNS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("transport", "transport");
        m.put("message_bytes", "messageBytes");
        m.put("slots", "slots");
        m.put("memory_order", "memoryOrder");
        m.put("padding", "padding");
        m.put("payload_layout", "payloadLayout");
        m.put("placement", "placement");
        m.put("wait_strategy", "waitStrategy");
        m.put("servers", "servers");
        PARAM_COLUMNS = java.util.Collections.unmodifiableMap(m);
    }

    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("question", "benchmark"));
        names.addAll(PARAM_COLUMNS.keySet());
        names.add("other_params");
        NAMES = List.copyOf(names);
    }

    private KeyColumns() {
    }

    /** The key column values of {@code key}, in {@link #NAMES} order. */
    public static List<String> values(SeriesName key) {
        List<String> values = new ArrayList<>(NAMES.size());
        values.add(key.question());
        values.add(key.benchmark());
        SortedMap<String, String> rest = new TreeMap<>(key.params());
        for (String param : PARAM_COLUMNS.values()) {
            String v = rest.remove(param);
            values.add(v == null ? "" : v);
        }
        values.add(SeriesName.paramsText(rest));
        return values;
    }

    /** Columns of {@code NAMES} followed by {@code more}. */
    public static List<String> header(String... more) {
        List<String> header = new ArrayList<>(NAMES);
        header.addAll(List.of(more));
        return header;
    }
}
