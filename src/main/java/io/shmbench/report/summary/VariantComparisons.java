package io.shmbench.report.summary;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.SeriesOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The comparisons among the variants of a benchmark: series that differ only in the compared
 * parameters (transport, memory order, slot count, ...) are ranked together, one comparison per
 * value of every other parameter that varies (each message size, each transport).
 *
 * @param compared the parameters compared, in the order a series' name gives them
 * @param subject  the comparison's subject from its group's description ("64 B"; empty for a single group)
 */
record VariantComparisons(List<String> compared, Function<String, String> subject, Ranking.Better better,
                          Ranking.Words words, String focus) {

    <T> List<Comparison> of(List<T> items, Function<T, SeriesName> key, BiFunction<String, T, Candidate> candidate) {
        List<SeriesName> keys = items.stream().map(key).toList();
        List<String> groupNames = Labels.varying(keys).stream().filter(n -> !compared.contains(n)).toList();
        Map<SeriesName, List<T>> groups = new TreeMap<>(SeriesOrder.KEYS);
        for (T item : items) {
            SeriesName k = key.apply(item);
            Map<String, String> g = new LinkedHashMap<>();
            groupNames.forEach(n -> g.put(n, k.params().getOrDefault(n, "")));
            groups.computeIfAbsent(SeriesName.of(k.benchmark(), g), x -> new ArrayList<>()).add(item);
        }
        List<Comparison> out = new ArrayList<>();
        groups.forEach((group, members) -> {
            List<SeriesName> memberKeys = members.stream().map(key).toList();
            List<String> varying = Labels.varying(memberKeys);
            List<String> names = new ArrayList<>(compared.stream().filter(varying::contains).toList());
            if (names.isEmpty()) {
                compared.stream().filter(n -> memberKeys.getFirst().params().containsKey(n)).findFirst().ifPresent(names::add);
            }
            List<Candidate> candidates = members.stream().map(m -> candidate.apply(Labels.of(key.apply(m), names), m)).toList();
            String description = groupNames.stream().map(n -> Labels.value(group, n)).collect(Collectors.joining(", "));
            out.add(new Comparison(subject.apply(description), Ranking.of(candidates, better), words, focus));
        });
        return out;
    }
}
