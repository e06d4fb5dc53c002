package io.shmbench.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used so far by this process and its peer together, so a throughput result can say what
 * each message cost in CPU on both sides (a busy-spinning ring is not free). This process's from
 * the OS MXBean (nanoseconds), the peer's from the kernel's accounting
 * ({@link ProcessHandle.Info#totalCpuDuration()}: /proc, in clock ticks of 10 ms); read at
 * iteration boundaries only.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used by this process and process {@code peer} since they started; a peer that is gone counts 0. */
    static long bothNanos(long peer) {
        return OS.getProcessCpuTime() + ProcessHandle.of(peer).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }
}
