package io.shmbench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series as the gate names it ({@code Q1Transports.roundTrip transport=shm-ring message_bytes=64}),
 * taken apart again: the benchmark, the question it answers, and its parameters. Figures label a
 * category with only what differs between the series they show.
 */
record SeriesText(String text, String benchmark, Map<String, String> params) {
    private static final Pattern QUESTION = Pattern.compile("^[Qq](\\d+)");

    static SeriesText parse(String text) {
        String[] tokens = text.split(" ");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                params.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
            }
        }
        return new SeriesText(text, tokens[0], params);
    }

    /** {@code Q1}..{@code Q7} (q3_loss, q6_core_matrix, q7_faults too), or empty. */
    String question() {
        Matcher m = QUESTION.matcher(benchmark);
        return m.find() ? "Q" + m.group(1) : "";
    }

    /** The method of {@code Class.method}, or the whole name for a question table (q3_loss). */
    String method() {
        int dot = benchmark.indexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    /** Short labels: the method when there are several, then the parameter values that differ among {@code all}. */
    static List<String> labels(List<SeriesText> all) {
        boolean methods = all.stream().map(SeriesText::benchmark).distinct().count() > 1;
        List<String> varying = new ArrayList<>();
        for (SeriesText s : all) {
            for (String p : s.params.keySet()) {
                if (!varying.contains(p) && all.stream().map(o -> o.params.get(p)).distinct().count() > 1) {
                    varying.add(p);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (SeriesText s : all) {
            List<String> parts = new ArrayList<>();
            if (methods) {
                parts.add(s.method());
            }
            for (String p : varying) {
                String v = s.params.get(p);
                if (v != null) {
                    parts.add(p.equals("message_bytes") ? v + " B" : v.matches("-?[0-9.]+|true|false") ? p + "=" + v : v);
                }
            }
            out.add(parts.isEmpty() ? s.method() : String.join(" ", parts));
        }
        return out;
    }
}
