package io.shmbench.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code @Param} values a profile sets instead of the ones a benchmark declares. A key is a
 * benchmark class's simple name ({@code Q5PayloadLayout}), a method of one
 * ({@code Q5PayloadLayout.readSnapshot}), or {@value #ANY_BENCHMARK} for every benchmark that has
 * the parameter; the most specific key wins.
 */
public final class ParamOverrides {
    public static final String ANY_BENCHMARK = "*";
    public static final ParamOverrides NONE = builder().build();

    private final Map<String, Map<String, List<String>>> byKey;

    private ParamOverrides(Map<String, Map<String, List<String>>> byKey) {
        this.byKey = byKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values set for {@code param} of {@code benchmark}, if any. */
    public Optional<List<String>> lookup(BenchmarkDeclaration benchmark, String param) {
        for (String key : List.of(benchmark.className() + "." + benchmark.method(), benchmark.className(), ANY_BENCHMARK)) {
            List<String> values = byKey.getOrDefault(key, Map.of()).get(param);
            if (values != null) {
                return Optional.of(values);
            }
        }
        return Optional.empty();
    }

    /** Everything set, by key then parameter (for env.json). */
    public Map<String, Map<String, List<String>>> asMap() {
        return byKey;
    }

    public static final class Builder {
        private final Map<String, Map<String, List<String>>> byKey = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder set(String key, String param, String... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("override of " + key + "." + param + " needs at least one value");
            }
            if (byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(param, List.of(values)) != null) {
                throw new IllegalArgumentException("override of " + key + "." + param + " is set twice");
            }
            return this;
        }

        public ParamOverrides build() {
            Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
            byKey.forEach((key, params) -> copy.put(key, Collections.unmodifiableMap(new LinkedHashMap<>(params))));
            return new ParamOverrides(Collections.unmodifiableMap(copy));
        }
    }
}
