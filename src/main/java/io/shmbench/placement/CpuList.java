package io.shmbench.placement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's CPU list format ({@code "0-3,8,10-11"}), as found in sysfs ({@code online},
 * {@code cpulist}, {@code thread_siblings_list}) and in {@code Cpus_allowed_list} of
 * {@code /proc/<pid>/status}. Every CPU set in this package is a sorted list of distinct CPU numbers.
 */
public final class CpuList {
    /**
     * Far above any kernel's NR_CPUS (8192 today); only guards against a range like
     * {@code 0-2000000000} expanding into a list that exhausts the heap.
     */
    public static final int MAX_CPU = (1 << 20) - 1;
    private static final Pattern ITEM = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");

    private CpuList() {
    }

    /**
     * Parses a CPU list; blank text is the empty set (a memory-only NUMA node's {@code cpulist}).
     *
     * @throws IllegalArgumentException naming the offending item when the text is not a CPU list
     */
    public static List<Integer> parse(String text) {
        String trimmed = text.strip();
        TreeSet<Integer> cpus = new TreeSet<>();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        for (String item : trimmed.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a CPU list: item '" + item
                        + "' is not a CPU number or range (expected e.g. 0-3,8,10-11)");
            }
            int first = cpuNumber(m.group(1), trimmed);
            int last = m.group(2) == null ? first : cpuNumber(m.group(2), trimmed);
            if (last < first) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a CPU list: range '" + item
                        + "' ends before it starts");
            }
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return List.copyOf(cpus);
    }

    /**
     * Reads and parses a CPU list file.
     *
     * @throws TopologyException naming the file when it cannot be read or parsed
     */
    public static List<Integer> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new TopologyException("cannot read " + file + ": the file does not exist", e);
        } catch (IOException e) {
            throw new TopologyException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TopologyException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    /** The kernel's compact form of a set of CPUs, e.g. {@code [0,1,2,3,8]} gives {@code "0-3,8"}. */
    public static String format(Collection<Integer> cpus) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(cpus));
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int first = sorted.get(i);
            int last = first;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == last + 1) {
                last = sorted.get(++i);
            }
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(first);
            if (last != first) {
                text.append('-').append(last);
            }
            i++;
        }
        return text.toString();
    }

    private static int cpuNumber(String digits, String list) {
        int cpu = Integer.parseInt(digits);
        if (cpu > MAX_CPU) {
            throw new IllegalArgumentException("'" + list + "' is not a CPU list: CPU " + cpu
                    + " is beyond the largest CPU number accepted (" + MAX_CPU + ")");
        }
        return cpu;
    }
}
