package io.shmbench.report;

import java.util.Map;
import java.util.Optional;

/**
 * The run's env.json, flattened for display: nested keys joined with dots ({@code cpu.model}),
 * arrays shown as comma-separated values. {@code complete} is false for an interrupted run.
 */
public record Environment(String schema, Optional<Boolean> complete, Map<String, String> entries) {
    public Environment {
        entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }
}
