package io.shmbench.measure;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Arrays;

/**
 * CPU cost of a throughput benchmark, both processes together: JMH reports the counters
 * {@value #CPU_NS} (CPU nanoseconds this JVM and its peer used during the measurement iterations,
 * {@link ProcessCpuTime}) and {@value #MESSAGES} (messages the benchmark moved meanwhile) as secondary
 * results, and the reporter divides them into CPU ns per message (docs/RESULTS-FORMAT.md). A
 * busy-polling side burns a core whether messages come or not; this is where that shows.
 *
 * <p>Use: the state that starts the peer process takes this state as an argument of its trial
 * {@code @Setup} method, keeps it and calls {@link #watch} with the peer's pid; the benchmark calls
 * {@link #countMessage()} on it for every message. (JMH refuses a counter state that is both such a
 * dependency and an argument of the benchmark method.) The whole process is counted, JMH's and the
 * JIT's threads included, as a deployment would pay for them.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuCost {
    static final String CPU_NS = "cpuNs";
    static final String MESSAGES = "messages";
    static final String PAGE_FAULTS = "pageFaults";
    static final String PEER_PAGE_FAULTS = "peerPageFaults";

    /** CPU nanoseconds of every watched process during this iteration (JMH sums the iterations). */
    public long cpuNs;
    /** Messages during this iteration. */
    public long messages;
    /**
     * Page faults (minor + major, {@link PageFaultCount}) this JVM took during this iteration: with
     * {@link #peerPageFaults} and {@link #messages}, faults per message in each process
     * (docs/RESULTS-FORMAT.md, page_faults.csv). A mapped queue that faults on its message path shows here.
     */
    public long pageFaults;
    /** Page faults the watched peer processes took during this iteration. */
    public long peerPageFaults;

    private long[] pids = {ProcessHandle.current().pid()};
    private long startNs;
    private long startFaults;
    private long startPeerFaults;

    /** Counts process {@code pid}'s CPU time too, from the next iteration on. */
    public void watch(long pid) {
        if (Arrays.stream(pids).noneMatch(p -> p == pid)) {
            pids = Arrays.copyOf(pids, pids.length + 1);
            pids[pids.length - 1] = pid;
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpuNs = 0;
        messages = 0;
        pageFaults = 0;
        peerPageFaults = 0;
        startFaults = PageFaultCount.ofProcess(pids[0]);
        startPeerFaults = peerFaults();
        startNs = totalNanos();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        cpuNs = totalNanos() - startNs;
        pageFaults = PageFaultCount.ofProcess(pids[0]) - startFaults;
        peerPageFaults = peerFaults() - startPeerFaults;
    }

    private long peerFaults() {
        long total = 0;
        for (int i = 1; i < pids.length; i++) {
            total += PageFaultCount.ofProcess(pids[i]);
        }
        return total;
    }

    public void countMessage() {
        messages++;
    }

    private long totalNanos() {
        long total = 0;
        for (long pid : pids) {
            total += ProcessCpuTime.nanos(pid);
        }
        return total;
    }
}
