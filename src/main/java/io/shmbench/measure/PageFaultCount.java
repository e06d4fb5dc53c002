package io.shmbench.measure;

import io.shmbench.shm.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Page faults a process (or one thread) has taken so far: minor plus major, the kernel's own counts
 * from {@code /proc/<pid>/stat} (fields 10 minflt and 12 majflt, proc(5)), every thread of the
 * process, live or exited. Faults a thread takes to populate a mapping on purpose
 * ({@code madvise(MADV_POPULATE_*)}) count too, as the kernel counts them.
 */
public final class PageFaultCount {
    static final int MINFLT_FIELD = 10;
    static final int MAJFLT_FIELD = 12;
    private static final int RUSAGE_THREAD = 1;
    /** struct rusage on 64-bit Linux: two timevals (32 bytes), then longs: maxrss, ixrss, idrss, isrss, minflt, majflt, ... */
    private static final long RU_MINFLT_OFFSET = 64;
    private static final long RU_MAJFLT_OFFSET = 72;
    private static final long RUSAGE_SIZE = 144;
    private static final MethodHandle GETRUSAGE = Libc.function("getrusage",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    private PageFaultCount() {
    }

    /**
     * Minor plus major faults of process {@code pid}.
     *
     * @throws IllegalArgumentException when there is no such process (any more)
     */
    public static long ofProcess(long pid) {
        return fromStatFile(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /**
     * Minor plus major faults of the calling thread only: {@code getrusage(RUSAGE_THREAD)} into
     * {@code usage} (from {@link #usageBuffer}), so that reading the count allocates nothing and
     * cannot itself fault in a fresh heap page.
     */
    public static long ofThisThread(MemorySegment usage) {
        try {
            if ((int) GETRUSAGE.invokeExact(RUSAGE_THREAD, usage) != 0) {
                throw new IllegalStateException("getrusage(RUSAGE_THREAD) failed");
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("getrusage(RUSAGE_THREAD) failed: " + t, t);
        }
        return usage.get(ValueLayout.JAVA_LONG, RU_MINFLT_OFFSET) + usage.get(ValueLayout.JAVA_LONG, RU_MAJFLT_OFFSET);
    }

    /** A {@code struct rusage} for {@link #ofThisThread}, allocated once by the caller. */
    public static MemorySegment usageBuffer(Arena arena) {
        return arena.allocate(RUSAGE_SIZE, 8);
    }

    static long fromStatFile(Path stat) {
        return fromStat(ProcessCpuTime.readStatFile(stat));
    }

    /** minflt + majflt of one {@code /proc/<pid>/stat} line; fields counted from the last ')' (the command name may hold any). */
    static long fromStat(String stat) {
        int end = stat.lastIndexOf(')');
        String[] fields = end < 0 ? new String[0] : stat.substring(end + 1).trim().split("\\s+");
        int first = 3; // fields[0] is field 3, the state
        if (fields.length < MAJFLT_FIELD - first + 1) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line with " + MAJFLT_FIELD + " fields: '"
                    + (stat.length() > 120 ? stat.substring(0, 120) + "..." : stat.strip()) + "'");
        }
        try {
            return Math.addExact(Long.parseLong(fields[MINFLT_FIELD - first]), Long.parseLong(fields[MAJFLT_FIELD - first]));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("minflt/majflt (fields " + MINFLT_FIELD + ", " + MAJFLT_FIELD + ") are not counts: '"
                    + fields[MINFLT_FIELD - first] + "', '" + fields[MAJFLT_FIELD - first] + "'", e);
        }
    }
}
