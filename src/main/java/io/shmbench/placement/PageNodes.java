package io.shmbench.placement;

import io.shmbench.shm.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which NUMA node each page of a mapping is on, asked of the kernel with {@code move_pages(2)} in
 * query mode (no target nodes: nothing moves). This checks that first touch put the memory where a
 * placement says, instead of assuming it. glibc has no wrapper (libnuma has), so the call goes through
 * {@code syscall(2)} with the architecture's syscall number.
 */
public final class PageNodes {
    private static final Map<String, Long> MOVE_PAGES_SYSCALL = Map.of(
            "amd64", 279L, "x86_64", 279L, "aarch64", 239L, "riscv64", 239L, "ppc64le", 301L, "s390x", 310L);
    private static final int BATCH_PAGES = 4096;
    private static final MethodHandle SYSCALL = Libc.functionWithErrno("syscall",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle GETPAGESIZE = Libc.function("getpagesize", FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private PageNodes() {
    }

    /**
     * The node of each page spanned by {@code memory}, in address order. A negative entry is
     * {@code -errno} for that page, e.g. {@code -2} (ENOENT) for a page not yet faulted into this process.
     *
     * @throws PlacementException with the errno text when the kernel refuses the query (ENOSYS on a
     *     kernel without NUMA support), or on an architecture whose syscall number is not known here
     */
    public static int[] of(MemorySegment memory) {
        String arch = System.getProperty("os.arch");
        Long number = MOVE_PAGES_SYSCALL.get(arch);
        if (number == null) {
            throw new PlacementException("cannot ask where pages are on " + arch + ": its move_pages syscall number is not known");
        }
        long pageSize = pageSize();
        long first = memory.address() & -pageSize;
        long end = memory.address() + memory.byteSize();
        int pages = Math.toIntExact((end - first + pageSize - 1) / pageSize);
        int[] nodes = new int[pages];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            MemorySegment addresses = arena.allocate(ValueLayout.ADDRESS, BATCH_PAGES);
            MemorySegment status = arena.allocate(ValueLayout.JAVA_INT, BATCH_PAGES);
            for (int done = 0; done < pages; done += BATCH_PAGES) {
                int count = Math.min(BATCH_PAGES, pages - done);
                for (int i = 0; i < count; i++) {
                    addresses.setAtIndex(ValueLayout.ADDRESS, i, MemorySegment.ofAddress(first + (done + i) * pageSize));
                }
                long rc = (long) SYSCALL.invokeExact(state, number.longValue(), 0L, (long) count, addresses,
                        MemorySegment.NULL, status, 0L);
                if (rc != 0) {
                    int errno = Libc.errno(state);
                    throw new PlacementException("move_pages (query where pages are) failed: " + Libc.strerror(errno)
                            + " (errno " + errno + ")" + (errno == 38 ? "; this kernel has no NUMA support" : ""));
                }
                MemorySegment.copy(status, ValueLayout.JAVA_INT, 0, nodes, done, count);
            }
        } catch (PlacementException e) {
            throw e;
        } catch (Throwable t) {
            throw new PlacementException("move_pages could not be called: " + t, t);
        }
        return nodes;
    }

    /**
     * Checks that every page of {@code memory} is resident on {@code node}.
     *
     * @throws PlacementException with a count of pages per node (and per error) when any is elsewhere
     */
    public static void requireOnNode(MemorySegment memory, int node) {
        int[] nodes = of(memory);
        SortedMap<Integer, Long> counts = new TreeMap<>();
        for (int n : nodes) {
            counts.merge(n, 1L, Long::sum);
        }
        if (counts.size() == 1 && counts.firstKey() == node) {
            return;
        }
        String where = counts.entrySet().stream()
                .map(e -> e.getValue() + (e.getKey() >= 0 ? " on node " + e.getKey()
                        : " not resident (" + Libc.strerror(-e.getKey()) + ")"))
                .collect(Collectors.joining(", "));
        throw new PlacementException("memory meant for node " + node + " is not all there: of " + nodes.length
                + " pages, " + where);
    }

    private static long pageSize() {
        try {
            return (int) GETPAGESIZE.invokeExact();
        } catch (Throwable t) {
            throw new PlacementException("getpagesize could not be called: " + t, t);
        }
    }
}
