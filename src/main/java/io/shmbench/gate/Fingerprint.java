package io.shmbench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What must be the same for two runs' absolute numbers to be comparable at all: the CPU model, how
 * many CPUs and cores, and the JDK (env.json). Ratios measured within a run do not need it.
 */
public record Fingerprint(Map<String, String> values) {
    /** env.json keys (flattened) that make up the fingerprint. */
    public static final List<String> KEYS = List.of("cpu.model", "cpu.cpus", "cpu.cores", "jdk.version", "jdk.vendor");

    public static Fingerprint of(Map<String, String> environment) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String key : KEYS) {
            values.put(key, environment.getOrDefault(key, ""));
        }
        return new Fingerprint(values);
    }

    /** Each key that differs, as {@code cpu.model 'A' / 'B'}; empty when the fingerprints match. */
    public List<String> differences(Fingerprint current) {
        List<String> out = new ArrayList<>();
        for (String key : KEYS) {
            String a = values.get(key);
            String b = current.values.get(key);
            if (!Objects.equals(a, b)) {
                out.add(key + " '" + a + "' / '" + b + "'");
            }
        }
        return out;
    }
}
