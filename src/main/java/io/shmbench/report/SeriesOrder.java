package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * Orders series keys the way a reader expects: by question number, benchmark, then parameter values,
 * numbers numerically (8 before 64 before 2048) and words alphabetically.
 */
public final class SeriesOrder {
    public static final Comparator<SeriesName> KEYS = SeriesOrder::compare;

    /** Numbers numerically, everything else alphabetically; numbers first. */
    public static final Comparator<String> VALUES = SeriesOrder::compareValues;

    private SeriesOrder() {
    }

    private static int compare(SeriesName a, SeriesName b) {
        int c = compareValues(a.question().replace("Q", ""), b.question().replace("Q", ""));
        if (c != 0) {
            return c;
        }
        c = a.benchmark().compareTo(b.benchmark());
        if (c != 0) {
            return c;
        }
        TreeSet<String> names = new TreeSet<>(a.params().keySet());
        names.addAll(b.params().keySet());
        for (String name : names) {
            c = compareValues(a.params().getOrDefault(name, ""), b.params().getOrDefault(name, ""));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareValues(String a, String b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        if (x != null) {
            return -1;
        }
        if (y != null) {
            return 1;
        }
        return a.compareTo(b);
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
