package io.shmbench.gate;

import java.util.Optional;

/**
 * One metric of both runs, side by side; a side is empty when that run does not have it.
 *
 * @param held why the metric is shown but cannot be gated whatever the options (a multiple that
 *             mixes host states, a host state seen in one run only); empty when it can be
 */
public record MetricPair(String series, String name, Direction direction, boolean absolute,
                         Optional<Estimate> baseline, Optional<Estimate> current, Optional<String> held) {
    public static MetricPair of(Metric baseline, Metric current) {
        Metric any = baseline != null ? baseline : current;
        return new MetricPair(any.series(), any.name(), any.direction(), any.absolute(),
                Optional.ofNullable(baseline).map(Metric::estimate), Optional.ofNullable(current).map(Metric::estimate),
                Optional.empty());
    }

    public String id() {
        return series + " " + name;
    }
}
