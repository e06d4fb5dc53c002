package io.shmbench.placement;

import io.shmbench.shm.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * CPU affinity of the <em>calling thread</em> through FFM: {@code sched_setaffinity(0, ...)},
 * {@code sched_getaffinity(0, ...)} and {@code sched_getcpu()}. Pid 0 means the calling thread, not
 * the process, so pinning the measuring thread leaves the JVM's JIT and GC threads where they were
 * (unlike {@code taskset}, which pins the whole JVM).
 *
 * <p>Only platform threads can be pinned: pinning from a virtual thread would pin whichever carrier
 * thread it happens to be mounted on.
 */
public final class ThreadAffinity {
    private static final int EINVAL = 22;
    /** glibc's {@code cpu_set_t} (1024 CPUs); larger hosts get a larger mask. */
    private static final long MIN_MASK_BYTES = 128;
    private static final long MAX_MASK_BYTES = (CpuList.MAX_CPU + 1) / 8;
    private static final int CONFIRM_ATTEMPTS = 200;

    private static final MethodHandle SCHED_SETAFFINITY = Libc.functionWithErrno("sched_setaffinity",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    private static final MethodHandle SCHED_GETAFFINITY = Libc.functionWithErrno("sched_getaffinity",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    private static final MethodHandle SCHED_GETCPU = Libc.functionWithErrno("sched_getcpu",
            FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private ThreadAffinity() {
    }

    /** The CPUs the calling thread may run on, ascending. */
    public static List<Integer> get() {
        for (long bytes = MIN_MASK_BYTES; bytes <= MAX_MASK_BYTES; bytes *= 2) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(Libc.callStateLayout());
                MemorySegment mask = arena.allocate(bytes, 8);
                int rc = (int) SCHED_GETAFFINITY.invokeExact(state, 0, bytes, mask);
                if (rc == 0) {
                    return decode(mask);
                }
                int errno = Libc.errno(state);
                // EINVAL: the kernel's CPU mask is larger than ours; retry with a larger one.
                if (errno != EINVAL) {
                    throw new PlacementException("sched_getaffinity failed: " + describe(errno));
                }
            } catch (PlacementException e) {
                throw e;
            } catch (Throwable t) {
                throw new PlacementException("sched_getaffinity could not be called: " + t, t);
            }
        }
        throw new PlacementException("sched_getaffinity failed: the kernel's CPU mask is larger than "
                + MAX_MASK_BYTES + " bytes");
    }

    /**
     * Restricts the calling thread to {@code cpus}; the kernel moves it off any other CPU before
     * returning.
     *
     * @throws PlacementException with the errno text, e.g. when none of the CPUs is online and allowed
     */
    public static void set(Collection<Integer> cpus) {
        requirePlatformThread();
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("cannot restrict a thread to an empty set of CPUs");
        }
        int highest = cpus.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (cpus.stream().anyMatch(cpu -> cpu < 0) || highest > CpuList.MAX_CPU) {
            throw new IllegalArgumentException("CPU numbers must be between 0 and " + CpuList.MAX_CPU + ": " + cpus);
        }
        long bytes = Math.max(MIN_MASK_BYTES, (highest / 64 + 1) * 8L);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            MemorySegment mask = arena.allocate(bytes, 8);
            for (int cpu : cpus) {
                long word = mask.getAtIndex(ValueLayout.JAVA_LONG, cpu / 64);
                mask.setAtIndex(ValueLayout.JAVA_LONG, cpu / 64, word | (1L << (cpu % 64)));
            }
            int rc = (int) SCHED_SETAFFINITY.invokeExact(state, 0, bytes, mask);
            if (rc != 0) {
                int errno = Libc.errno(state);
                throw new PlacementException("sched_setaffinity(CPUs " + CpuList.format(cpus) + ") failed: " + describe(errno)
                        + (errno == EINVAL ? "; none of these CPUs is online and allowed for this process"
                        + " (taskset, container cpuset); allowed here: " + CpuList.format(get()) : ""));
            }
        } catch (PlacementException | IllegalArgumentException e) {
            throw e;
        } catch (Throwable t) {
            throw new PlacementException("sched_setaffinity could not be called: " + t, t);
        }
    }

    /** The CPU the calling thread is running on right now ({@code sched_getcpu}). */
    public static int currentCpu() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            int cpu = (int) SCHED_GETCPU.invokeExact(state);
            if (cpu < 0) {
                throw new PlacementException("sched_getcpu failed: " + describe(Libc.errno(state)));
            }
            return cpu;
        } catch (PlacementException e) {
            throw e;
        } catch (Throwable t) {
            throw new PlacementException("sched_getcpu could not be called: " + t, t);
        }
    }

    /**
     * Pins the calling thread to one CPU, confirms with {@code sched_getcpu} that it runs there, and
     * returns a handle whose {@link ThreadPin#close()} restores the affinity the thread had before.
     *
     * @throws PlacementException when the CPU is not allowed, or the thread is still elsewhere after
     *     the scheduler was given a moment (a few hundred yields and short sleeps)
     */
    public static ThreadPin pinTo(int cpu) {
        requirePlatformThread();
        List<Integer> previous = get();
        set(List.of(cpu));
        try {
            confirmRunningOn(cpu);
        } catch (RuntimeException e) {
            set(previous);
            throw e;
        }
        return new ThreadPin(Thread.currentThread(), cpu, previous);
    }

    /**
     * Waits until {@code sched_getcpu} reports {@code cpu}. The kernel migrates a thread that narrows
     * its own mask before {@code sched_setaffinity} returns, so this normally succeeds at once; the
     * retries only absorb a scheduler that needs a moment.
     */
    static void confirmRunningOn(int cpu) {
        int seen = -1;
        for (int attempt = 0; attempt < CONFIRM_ATTEMPTS; attempt++) {
            seen = currentCpu();
            if (seen == cpu) {
                return;
            }
            if (attempt < CONFIRM_ATTEMPTS / 2) {
                Thread.yield();
            } else {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PlacementException("interrupted while waiting to run on CPU " + cpu, e);
                }
            }
        }
        throw new PlacementException("pinned to CPU " + cpu + " but sched_getcpu still reports CPU " + seen
                + " after " + CONFIRM_ATTEMPTS + " checks");
    }

    private static void requirePlatformThread() {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("cannot pin a virtual thread (it would pin its carrier thread); "
                    + "run pinned work on a platform thread");
        }
    }

    private static List<Integer> decode(MemorySegment mask) {
        List<Integer> cpus = new ArrayList<>();
        long words = mask.byteSize() / 8;
        for (int w = 0; w < words; w++) {
            long word = mask.getAtIndex(ValueLayout.JAVA_LONG, w);
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                cpus.add(w * 64 + bit);
                word &= word - 1;
            }
        }
        return List.copyOf(cpus);
    }

    private static String describe(int errno) {
        return Libc.strerror(errno) + " (errno " + errno + ")";
    }
}
