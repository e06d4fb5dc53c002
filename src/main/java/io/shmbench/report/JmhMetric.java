package io.shmbench.report;

/**
 * One metric of a JMH result as JMH reports it: the score, its 99.9% confidence half-width
 * ({@code scoreError}, NaN when JMH could not compute one) and its unit.
 */
public record JmhMetric(double score, double scoreError, String unit) {
}
