package io.shmbench.report;

/** One cell of the core-to-core matrix (raw/q6_core_matrix.csv): floor round trip between two CPUs. */
public record CoreLatency(int cpuA, int cpuB, double p50Ns, double p99Ns) {
}
