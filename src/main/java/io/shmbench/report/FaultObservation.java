package io.shmbench.report;

/**
 * One row of raw/q7_faults.csv. The metric's name ends with its unit: {@code _ns} for times,
 * {@code _count} for counts.
 */
public record FaultObservation(String scenario, int trial, String metric, double value) {
    public boolean isTime() {
        return metric.endsWith("_ns");
    }
}
