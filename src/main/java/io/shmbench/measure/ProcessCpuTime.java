package io.shmbench.measure;

import io.shmbench.shm.Libc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time a whole process has used so far, in nanoseconds: every thread, live or exited (JIT and
 * GC threads included), user and system mode. What a benchmark divides by its messages to show that
 * a busy-polling transport is not free.
 *
 * <p>Read from the kernel's CPU clock of that process ({@code clock_getcpuclockid(3)}, then
 * {@code clock_gettime(2)}): the scheduler's own accounting in nanoseconds; Linux lets a process read
 * the clock of any process it can see. If the kernel refuses that clock, from {@code /proc/<pid>/stat}
 * (utime + stime, in clock ticks of {@code sysconf(_SC_CLK_TCK)}, 10 ms on common kernels), so a
 * difference of two readings then carries up to two ticks of error.
 */
public final class ProcessCpuTime {
    /** Field numbers of {@code /proc/<pid>/stat} (proc(5), counted from 1): user and system time in ticks. */
    static final int UTIME_FIELD = 14;
    static final int STIME_FIELD = 15;
    private static final int SC_CLK_TCK = 2;
    private static final int ESRCH = 3;
    private static final MethodHandle GET_CPU_CLOCK_ID = Libc.function("clock_getcpuclockid",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle CLOCK_GETTIME = Libc.functionWithErrno("clock_gettime",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle SYSCONF = Libc.function("sysconf", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));

    private ProcessCpuTime() {
    }

    /**
     * CPU nanoseconds process {@code pid} has used since it started.
     *
     * @throws IllegalArgumentException when there is no such process (any more)
     */
    public static long nanos(long pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment clockId = arena.allocate(ValueLayout.JAVA_INT);
            int rc = (int) GET_CPU_CLOCK_ID.invokeExact((int) pid, clockId);
            if (rc == 0) {
                MemorySegment time = arena.allocate(16, 8); // struct timespec: tv_sec, tv_nsec (64-bit Linux)
                MemorySegment callState = arena.allocate(Libc.callStateLayout());
                if ((int) CLOCK_GETTIME.invokeExact(callState, clockId.get(ValueLayout.JAVA_INT, 0), time) == 0) {
                    return time.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + time.get(ValueLayout.JAVA_LONG, 8);
                }
            } else if (rc == ESRCH) {
                throw noProcess(pid);
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read the CPU clock of process " + pid + ": " + t, t);
        }
        return fromStatFile(Path.of("/proc", Long.toString(pid), "stat"), ticksPerSecond());
    }

    /** utime + stime of a {@code /proc/<pid>/stat} file, in nanoseconds. */
    static long fromStatFile(Path stat, long ticksPerSecond) {
        String text = readStatFile(stat);
        try {
            return fromStat(text, ticksPerSecond);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(stat + ": " + e.getMessage(), e);
        }
    }

    /** The text of a {@code /proc/<pid>/stat} file; IllegalArgumentException when the process is gone. */
    static String readStatFile(Path stat) {
        try {
            return Files.readString(stat, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(stat + " does not exist: no such process (any more)", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stat + ": " + e.getMessage(), e);
        }
    }

    /**
     * utime + stime of one {@code /proc/<pid>/stat} line, in nanoseconds. The command name (field 2)
     * is in parentheses and may itself hold spaces and parentheses, so fields are counted from the
     * last {@code ')'}.
     */
    static long fromStat(String stat, long ticksPerSecond) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line (no ')' closing the command name): '" + abbreviate(stat) + "'");
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        int first = 3; // fields[0] is field 3, the state
        if (fields.length < STIME_FIELD - first + 1) {
            throw new IllegalArgumentException("has " + (fields.length + 2) + " fields, expected at least " + STIME_FIELD
                    + ": '" + abbreviate(stat) + "'");
        }
        try {
            long ticks = Math.addExact(Long.parseLong(fields[UTIME_FIELD - first]), Long.parseLong(fields[STIME_FIELD - first]));
            return Math.multiplyExact(ticks, 1_000_000_000L / ticksPerSecond);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("utime/stime (fields " + UTIME_FIELD + ", " + STIME_FIELD + ") are not tick counts: '"
                    + fields[UTIME_FIELD - first] + "', '" + fields[STIME_FIELD - first] + "'", e);
        }
    }

    /** {@code sysconf(_SC_CLK_TCK)}: the unit of /proc's CPU times. */
    static long ticksPerSecond() {
        try {
            long ticks = (long) SYSCONF.invokeExact(SC_CLK_TCK);
            if (ticks <= 0 || ticks > 1_000_000_000L) {
                throw new IllegalStateException("sysconf(_SC_CLK_TCK) returned " + ticks);
            }
            return ticks;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("sysconf(_SC_CLK_TCK) failed: " + t, t);
        }
    }

    private static IllegalArgumentException noProcess(long pid) {
        return new IllegalArgumentException("no process " + pid + " (any more): cannot read its CPU time");
    }

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
