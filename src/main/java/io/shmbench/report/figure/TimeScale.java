package io.shmbench.report.figure;

/** A readable unit for an axis of nanosecond values: ns, µs, ms or s, whichever keeps numbers short. */
record TimeScale(String symbol, double nanos) {
    static TimeScale forMax(double maxNs) {
        if (maxNs >= 1e9) {
            return new TimeScale("s", 1e9);
        }
        if (maxNs >= 1e6) {
            return new TimeScale("ms", 1e6);
        }
        if (maxNs >= 1e3) {
            return new TimeScale("\u00b5s", 1e3);
        }
        return new TimeScale("ns", 1);
    }
}
