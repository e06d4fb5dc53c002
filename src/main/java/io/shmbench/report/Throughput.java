package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.List;
import java.util.Optional;

/**
 * A throughput result (JMH mode {@code thrpt}, one operation = one message) in messages per second,
 * with JMH's 99.9% confidence half-width, bytes per second (when the series has a message size)
 * and the CPU time both processes spent per message (when the benchmark reported it, see
 * {@link #CPU_NS_PER_MSG}). A run with rounds has one result per round; {@link #pool} makes them one.
 */
public record Throughput(SeriesName key, double msgsPerS, double msgsPerSError, double bytesPerS, double cpuNsPerMsg) {
    /** Secondary metric: CPU nanoseconds of both processes per message. */
    public static final String CPU_NS_PER_MSG = "cpuNsPerMsg";
    /** Alternatively two {@code @AuxCounters(EVENTS)} counters, divided by the reporter. */
    public static final String CPU_NS = "cpuNs";
    public static final String MESSAGES = "messages";

    /** Converts a thrpt result; empty for other modes or units that are not operations per time. */
    public static Optional<Throughput> of(JmhResult r) {
        if (!JmhResult.THROUGHPUT_MODE.equals(r.mode())) {
            return Optional.empty();
        }
        double perSecond = perSecond(r.primary().unit());
        if (Double.isNaN(perSecond)) {
            return Optional.empty();
        }
        double msgs = r.primary().score() * perSecond;
        double error = r.primary().scoreError() * perSecond;
        return Optional.of(new Throughput(r.key(), msgs, error, bytesPerS(r.key(), msgs), cpuNsPerMsg(r)));
    }

    /**
     * One series' results of several rounds as one: the median of the rounds' messages per second,
     * with an error that reaches the slowest and the fastest round (the larger of the median's
     * distances to them), so the error bar covers every round; the median of their CPU time per
     * message. A single result is returned as it is, with JMH's own error.
     */
    public static Throughput pool(List<Throughput> rounds) {
        if (rounds.size() == 1) {
            return rounds.getFirst();
        }
        double[] msgs = rounds.stream().mapToDouble(Throughput::msgsPerS).toArray();
        double median = Median.of(msgs);
        double error = Median.reach(msgs, median);
        double cpu = Median.of(rounds.stream().mapToDouble(Throughput::cpuNsPerMsg).filter(c -> !Double.isNaN(c)).toArray());
        SeriesName key = rounds.getFirst().key();
        return new Throughput(key, median, error, bytesPerS(key, median), cpu);
    }

    private static double bytesPerS(SeriesName key, double msgsPerS) {
        return key.param("messageBytes").flatMap(Throughput::parseLong).map(b -> msgsPerS * b).orElse(Double.NaN);
    }

    private static double cpuNsPerMsg(JmhResult r) {
        Optional<JmhMetric> direct = r.secondary(CPU_NS_PER_MSG);
        if (direct.isPresent()) {
            return direct.get().score();
        }
        Optional<JmhMetric> cpu = r.secondary(CPU_NS);
        Optional<JmhMetric> messages = r.secondary(MESSAGES);
        if (cpu.isPresent() && messages.isPresent() && messages.get().score() > 0) {
            return cpu.get().score() / messages.get().score();
        }
        return Double.NaN;
    }

    /** Factor from JMH's "ops/&lt;unit&gt;" to operations per second; NaN if it is not such a unit. */
    static double perSecond(String unit) {
        return switch (unit) {
            case "ops/ns" -> 1e9;
            case "ops/us" -> 1e6;
            case "ops/ms" -> 1e3;
            case "ops/s" -> 1;
            case "ops/min" -> 1.0 / 60;
            case "ops/hr" -> 1.0 / 3600;
            case "ops/day" -> 1.0 / 86400;
            default -> Double.NaN;
        };
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
