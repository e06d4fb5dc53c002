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

    /** A duration in its own readable unit, e.g. "20 \u00b5s", "130 ns". */
    static String format(double ns) {
        TimeScale unit = forMax(ns);
        return io.shmbench.report.Cells.number(Math.round(ns / unit.nanos() * 10) / 10.0) + " " + unit.symbol();
    }
}
