package io.shmbench.env;

import java.util.ArrayList;
import java.util.List;

/** The kernel's CPU list format ({@code 0-3,8,10-11}, as in {@code /sys/devices/system/cpu/online}). */
public final class CpuList {
    private CpuList() {
    }

    /** The CPU numbers in {@code text}, in the order given; a blank text is an empty list. */
    public static List<Integer> parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return cpus;
        }
        for (String part : trimmed.split(",")) {
            String range = part.trim();
            try {
                int dash = range.indexOf('-');
                if (dash < 0) {
                    cpus.add(Integer.parseInt(range));
                } else {
                    int from = Integer.parseInt(range.substring(0, dash));
                    int to = Integer.parseInt(range.substring(dash + 1));
                    if (to < from) {
                        throw new IllegalArgumentException("CPU range " + range + " in '" + text + "' runs backwards");
                    }
                    for (int cpu = from; cpu <= to; cpu++) {
                        cpus.add(cpu);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + range + "' in CPU list '" + text + "' is not a number or range", e);
            }
        }
        return cpus;
    }
}
