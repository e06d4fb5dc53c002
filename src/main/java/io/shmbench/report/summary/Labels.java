package io.shmbench.report.summary;

import io.shmbench.measure.SeriesName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Names of series for an answer line: only the parameters that tell them apart. */
final class Labels {
    /** Parameters whose values are counts of something: {@code 4 slots}, {@code 64 B}. */
    private static final Map<String, String> COUNTED = Map.of("slots", "slots", "servers", "servers", "messageBytes", "B");

    private Labels() {
    }

    /** The parameter names whose values differ among {@code keys} (absent counts as a value), sorted. */
    static List<String> varying(Collection<SeriesName> keys) {
        TreeSet<String> names = new TreeSet<>();
        keys.forEach(k -> names.addAll(k.params().keySet()));
        return names.stream().filter(n -> keys.stream().map(k -> k.params().getOrDefault(n, "")).distinct().count() > 1)
                .toList();
    }

    /** {@code names} in that order, then the other varying ones: the first names a series, the rest qualify it. */
    static List<String> varyingFirst(Collection<SeriesName> keys, List<String> first) {
        List<String> vary = varying(keys);
        List<String> out = new ArrayList<>(first.stream().filter(vary::contains).toList());
        vary.stream().filter(n -> !out.contains(n)).forEach(out::add);
        return out;
    }

    /** {@code shm-ring (spin)}, {@code PAD_64 (cacheRemoteIndex=false)}, {@code 4 slots}; the method when no name is given. */
    static String of(SeriesName key, List<String> names) {
        if (names.isEmpty()) {
            return key.method();
        }
        String head = value(key, names.getFirst());
        if (names.size() == 1) {
            return head;
        }
        return head + " (" + names.subList(1, names.size()).stream().map(n -> value(key, n))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** One parameter for a reader: a word as it is, a count with its unit, another number or a boolean as name=value. */
    static String value(SeriesName key, String name) {
        String v = key.params().getOrDefault(name, "");
        if (COUNTED.containsKey(name) && v.matches("[0-9]+")) {
            String unit = COUNTED.get(name);
            return v + " " + (v.equals("1") && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        }
        boolean bare = !v.isEmpty() && !v.matches("-?[0-9.]+|true|false");
        return bare ? v : name + "=" + v;
    }
}
