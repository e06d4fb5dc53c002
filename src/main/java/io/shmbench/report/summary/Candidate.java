package io.shmbench.report.summary;

import io.shmbench.report.Interval;

/**
 * One contender of a comparison: what it is called, its value, the range the run says that value
 * lies in (a bootstrap interval, JMH's error, the rounds' range; {@link Interval#NONE} when the run
 * gives none) and how the value is written with it.
 */
record Candidate(String label, double value, Interval interval, String shown) {
    /** {@code shm-ring at 1.62x floor [1.58-1.66]}. */
    String named() {
        return label + " at " + shown;
    }
}
