package io.shmbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Q3's overwrite loss at one (rate ratio, slot count): counts summed over the trials, loss fraction
 * and staleness averaged over them.
 */
public record LossPoint(double rateRatio, long slots, int trials, long written, long delivered, long missed,
                        double lossFraction, double stalenessP50Ns, double stalenessP99Ns) {

    public static List<LossPoint> aggregate(List<LossObservation> observations) {
        Map<List<Double>, List<LossObservation>> groups = new TreeMap<>(
                Comparator.<List<Double>, Double>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (LossObservation o : observations) {
            groups.computeIfAbsent(List.of(o.rateRatio(), (double) o.slots()), k -> new ArrayList<>()).add(o);
        }
        List<LossPoint> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new LossPoint(k.get(0), g.get(0).slots(), g.size(),
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
