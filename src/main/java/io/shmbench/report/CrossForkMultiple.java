package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The older yardstick: a Q1 round-trip series divided by the {@code floor} transport's own series
 * in the same run, measured in other forks seconds or minutes apart. On a host that changes the
 * CPUs' speed within milliseconds the two sides may have met different states, so this ratio can
 * be off by a factor of several; it is kept beside the same-pair multiple to compare the methods,
 * and as the only multiple of a run made before the same-pair floor existed.
 */
public record CrossForkMultiple(long floorP50Ns, long floorP99Ns, double p50Multiple, double p99Multiple) {

    /**
     * Every Q1 round-trip series with a transport, divided by the floor series of the same
     * benchmark: the floor of the same message size, else the floor's only series.
     */
    public static Map<SeriesName, CrossForkMultiple> compute(List<LatencySeries> latency) {
        List<LatencySeries> roundTrips = latency.stream().filter(s -> FloorMultiple.isRoundTrip(s.key())).toList();
        Map<SeriesName, CrossForkMultiple> out = new LinkedHashMap<>();
        for (LatencySeries s : roundTrips) {
            if (s.key().param(FloorMultiple.TRANSPORT).isEmpty()) {
                continue;
            }
            floorFor(s.key(), roundTrips).ifPresent(f -> out.put(s.key(), new CrossForkMultiple(f.at(50), f.at(99),
                    (double) s.at(50) / f.at(50), (double) s.at(99) / f.at(99))));
        }
        return out;
    }

    private static Optional<LatencySeries> floorFor(SeriesName key, List<LatencySeries> roundTrips) {
        List<LatencySeries> floors = roundTrips.stream()
                .filter(s -> s.key().benchmark().equals(key.benchmark()))
                .filter(s -> s.key().param(FloorMultiple.TRANSPORT).filter(FloorMultiple.FLOOR::equals).isPresent())
                .toList();
        Optional<String> size = key.param(FloorMultiple.MESSAGE_BYTES);
        Optional<LatencySeries> sameSize = floors.stream()
                .filter(f -> Objects.equals(f.key().param(FloorMultiple.MESSAGE_BYTES), size)).findFirst();
        if (sameSize.isPresent()) {
            return sameSize;
        }
        return floors.size() == 1 ? Optional.of(floors.get(0)) : Optional.empty();
    }
}
