package io.shmbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Q1 round-trip series against the {@code floor} (one cache line bounced between the two
 * processes, measured in the same run): its p50 and p99 as multiples of the floor's. Ratios within
 * one run are what compares across machines.
 */
public record FloorMultiple(SeriesKey key, long p50Ns, long p99Ns, long floorP50Ns, long floorP99Ns) {
    public static final String FLOOR = "floor";
    public static final String TRANSPORT = "transport";
    public static final String MESSAGE_BYTES = "messageBytes";
    /** The message size of the floor-multiple figure and the console summary. */
    public static final String SUMMARY_BYTES = "64";

    public double p50Multiple() {
        return (double) p50Ns / floorP50Ns;
    }

    public double p99Multiple() {
        return (double) p99Ns / floorP99Ns;
    }

    /** True for the Q1 round-trip benchmark (its method name contains "roundTrip", any case). */
    public static boolean isRoundTrip(SeriesKey key) {
        return "Q1".equals(key.question()) && key.method().toLowerCase(Locale.ROOT).contains("roundtrip");
    }

    /**
     * Every Q1 round-trip series with a transport, divided by the floor series of the same
     * benchmark: the floor of the same message size, else the floor's only series.
     */
    public static List<FloorMultiple> compute(List<LatencySeries> latency) {
        List<LatencySeries> roundTrips = latency.stream().filter(s -> isRoundTrip(s.key())).toList();
        List<FloorMultiple> out = new ArrayList<>();
        for (LatencySeries s : roundTrips) {
            if (s.key().param(TRANSPORT).isEmpty()) {
                continue;
            }
            floorFor(s.key(), roundTrips).ifPresent(f -> out.add(new FloorMultiple(s.key(), s.at(50), s.at(99),
                    f.at(50), f.at(99))));
        }
        return out;
    }

    private static Optional<LatencySeries> floorFor(SeriesKey key, List<LatencySeries> roundTrips) {
        List<LatencySeries> floors = roundTrips.stream()
                .filter(s -> s.key().benchmark().equals(key.benchmark()))
                .filter(s -> s.key().param(TRANSPORT).filter(FLOOR::equals).isPresent())
                .toList();
        Optional<String> size = key.param(MESSAGE_BYTES);
        Optional<LatencySeries> sameSize = floors.stream()
                .filter(f -> Objects.equals(f.key().param(MESSAGE_BYTES), size)).findFirst();
        if (sameSize.isPresent()) {
            return sameSize;
        }
        return floors.size() == 1 ? Optional.of(floors.get(0)) : Optional.empty();
    }
}
