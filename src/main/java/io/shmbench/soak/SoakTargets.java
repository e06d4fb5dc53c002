package io.shmbench.soak;

import io.shmbench.ring.RingMode;
import io.shmbench.transport.Transports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak's targets by name: every transport of {@link Transports}, then {@code ring-blocking} and
 * {@code ring-overwrite} (the ring itself, with writer kills). {@code ring} means both ring modes,
 * {@code all} everything this machine can run (not {@code shm-ring-c} without a C compiler).
 */
public final class SoakTargets {
    public static final String ALL = "all";
    public static final String RING = "ring";

    private SoakTargets() {
    }

    /** Every target name, in the order the soak visits them. */
    public static List<String> names() {
        return List.copyOf(byName().keySet());
    }

    /**
     * The targets a comma-separated list names ({@code all}, {@code ring}, or names from
     * {@link #names()}), in the soak's order, each once.
     *
     * @throws IllegalArgumentException naming the unknown word and the valid names
     */
    static List<SoakTarget> parse(String list) {
        Map<String, SoakTarget> all = byName();
        Map<String, SoakTarget> chosen = new LinkedHashMap<>();
        for (String raw : list.split(",", -1)) {
            String word = raw.strip();
            if (word.equals(ALL)) {
                all.forEach((name, target) -> {
                    if (target.unavailable().isEmpty()) {
                        chosen.put(name, target);
                    }
                });
            } else if (word.equals(RING)) {
                for (RingMode mode : RingMode.values()) {
                    String name = RingSoak.nameOf(mode);
                    chosen.put(name, all.get(name));
                }
            } else if (all.containsKey(word)) {
                java.util.Optional<String> unavailable = all.get(word).unavailable();
                if (unavailable.isPresent()) {
                    throw new IllegalArgumentException(word + " cannot run on this machine: " + unavailable.get());
                }
                chosen.put(word, all.get(word));
            } else {
                throw new IllegalArgumentException("unknown soak target '" + word + "'; valid: " + ALL + ", " + RING
                        + ", " + String.join(", ", all.keySet()));
            }
        }
        List<SoakTarget> ordered = new ArrayList<>();
        all.forEach((name, target) -> {
            if (chosen.containsKey(name)) {
                ordered.add(target);
            }
        });
        return ordered;
    }

    private static Map<String, SoakTarget> byName() {
        Map<String, SoakTarget> targets = new LinkedHashMap<>();
        for (String name : Transports.names()) {
            targets.put(name, new TransportSoak(Transports.byName(name)));
        }
        for (RingMode mode : RingMode.values()) {
            targets.put(RingSoak.nameOf(mode), new RingSoak(mode));
        }
        return targets;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
