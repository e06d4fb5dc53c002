package io.shmbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Q3's overwrite loss at one (lap policy, rate ratio, slot count): counts summed over the trials,
 * loss fraction and staleness averaged over them.
 */
public record LossPoint(String lapPolicy, double rateRatio, long slots, int trials, long written, long delivered, long missed,
                        double lossFraction, double stalenessP50Ns, double stalenessP99Ns) {

    private record Key(String lapPolicy, double rateRatio, long slots) {
    }

    public static List<LossPoint> aggregate(List<LossObservation> observations) {
        Map<Key, List<LossObservation>> groups = new TreeMap<>(Comparator.comparing(Key::lapPolicy)
                .thenComparingDouble(Key::rateRatio).thenComparingLong(Key::slots));
        for (LossObservation o : observations) {
            groups.computeIfAbsent(new Key(o.lapPolicy(), o.rateRatio(), o.slots()), k -> new ArrayList<>()).add(o);
        }
        List<LossPoint> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new LossPoint(k.lapPolicy(), k.rateRatio(), k.slots(), g.size(),
                g.stream().mapToLong(LossObservation::written).sum(),
                g.stream().mapToLong(LossObservation::delivered).sum(),
                g.stream().mapToLong(LossObservation::missed).sum(),
                mean(g.stream().mapToDouble(LossObservation::lossFraction).toArray()),
                mean(g.stream().mapToDouble(LossObservation::stalenessP50Ns).toArray()),
                mean(g.stream().mapToDouble(LossObservation::stalenessP99Ns).toArray()))));
        return out;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }
}
