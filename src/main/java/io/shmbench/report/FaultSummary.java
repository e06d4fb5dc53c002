package io.shmbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Q7: one metric of one fault scenario over its trials. */
public record FaultSummary(String scenario, String metric, int trials, double min, double median, double max,
                           double mean, double total) {

    public static List<FaultSummary> summarise(List<FaultObservation> observations) {
        Map<List<String>, List<Double>> groups = new LinkedHashMap<>();
        for (FaultObservation o : observations) {
            groups.computeIfAbsent(List.of(o.scenario(), o.metric()), k -> new ArrayList<>()).add(o.value());
        }
        List<FaultSummary> out = new ArrayList<>();
        groups.forEach((k, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.add(new FaultSummary(k.get(0), k.get(1), v.length, v[0], Median.of(v), v[v.length - 1],
                    Arrays.stream(v).average().orElseThrow(), Arrays.stream(v).sum()));
        });
        return out;
    }
}
