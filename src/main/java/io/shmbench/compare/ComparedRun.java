package io.shmbench.compare;

import io.shmbench.gate.RunMetrics;
import io.shmbench.gate.TidyRun;

/** One run of a comparison: the label its figures and tables use, its tables and its metrics. */
public record ComparedRun(String label, TidyRun run, RunMetrics metrics) {
}
