package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.chart.SeriesStyle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Telling series apart within one figure: which parameters vary among them, how to name each
 * series by those alone, how to group series into figures, and which style each gets (its
 * transport's, when the series differ by transport).
 */
final class Variants {
    static final String TRANSPORT = "transport";

    private Variants() {
    }

    /** Parameter names whose value differs among the keys (absent counts as a value), transport first. */
    static List<String> varying(Collection<SeriesName> keys) {
        Set<String> names = names(keys);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (keys.stream().map(k -> k.params().getOrDefault(n, "")).distinct().count() > 1) {
                out.add(n);
            }
        }
        if (out.remove(TRANSPORT)) {
            out.addFirst(TRANSPORT);
        }
        return out;
    }

    /** The parameters every key has, each with one and the same value in all of them. */
    static SortedMap<String, String> fixed(Collection<SeriesName> keys) {
        Set<String> names = names(keys);
        names.removeAll(varying(keys));
        SortedMap<String, String> out = new TreeMap<>();
        names.forEach(n -> out.put(n, keys.iterator().next().params().get(n)));
        return out;
    }

    /** A series name from the given parameters: words as they are, numbers and booleans as name=value. */
    static String label(SeriesName key, List<String> names) {
        if (names.isEmpty()) {
            return key.method();
        }
        return names.stream().map(n -> {
            String v = key.params().getOrDefault(n, "");
            boolean bare = !v.isEmpty() && !v.matches("-?[0-9.]+|true|false");
            return bare ? v : n + "=" + v;
        }).collect(Collectors.joining(" \u00b7 "));
    }

    /** Groups items by the values of {@code names} in their keys, groups and items in series order. */
    static <T> Map<SeriesName, List<T>> groupBy(Collection<T> items, Function<T, SeriesName> key, List<String> names) {
        Map<SeriesName, List<T>> groups = new TreeMap<>(SeriesOrder.KEYS);
        for (T item : items) {
            SeriesName k = key.apply(item);
            Map<String, String> fixed = new HashMap<>();
            for (String n : names) {
                k.param(n).ifPresent(v -> fixed.put(n, v));
            }
            groups.computeIfAbsent(SeriesName.of(k.benchmark(), fixed), g -> new ArrayList<>()).add(item);
        }
        groups.values().forEach(list -> list.sort((a, b) -> SeriesOrder.KEYS.compare(key.apply(a), key.apply(b))));
        return groups;
    }

    /** Every parameter name of the keys, sorted. */
    private static Set<String> names(Collection<SeriesName> keys) {
        Set<String> names = new TreeSet<>();
        keys.forEach(k -> names.addAll(k.params().keySet()));
        return names;
    }

    /** Every parameter name of the keys except {@code except}. */
    static List<String> allExcept(Collection<SeriesName> keys, String... except) {
        Set<String> names = names(keys);
        names.removeAll(Set.of(except));
        return new ArrayList<>(names);
    }

    /**
     * Styles for the series of one figure: transport styles when the series differ by transport
     * (other differences then change the dash), or when there is a single series with a
     * transport; palette order otherwise.
     */
    static Map<SeriesName, SeriesStyle> styles(List<SeriesName> keys) {
        List<String> vary = varying(keys);
        boolean byTransport = vary.contains(TRANSPORT)
                || (keys.size() == 1 && keys.getFirst().param(TRANSPORT).isPresent());
        Map<SeriesName, SeriesStyle> out = new LinkedHashMap<>();
        Map<String, Integer> perTransport = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            SeriesName k = keys.get(i);
            if (byTransport && k.param(TRANSPORT).isPresent()) {
                String t = k.param(TRANSPORT).get();
                if (!SeriesStyle.isKnownTransport(t)) {
                    unknown.add(t);
                }
                SeriesStyle s = SeriesStyle.forTransport(t, 10 + unknown.size());
                int nth = perTransport.merge(t, 1, Integer::sum);
                out.put(k, nth == 1 ? s : new SeriesStyle(s.colour(), s.shape(), nthDash(nth)));
            } else {
                out.put(k, SeriesStyle.byIndex(i));
            }
        }
        return out;
    }

    private static float[] nthDash(int nth) {
        return switch (nth % 3) {
            case 2 -> new float[]{4f, 2f};
            case 0 -> new float[]{1.2f, 1.6f};
            default -> new float[]{4f, 1.5f, 1.2f, 1.5f};
        };
    }
}
