package io.shmbench.bench;

import io.shmbench.measure.QuestionCsv;
import io.shmbench.measure.SeriesName;
import io.shmbench.placement.Placement;
import io.shmbench.placement.PlacementDecision;
import io.shmbench.placement.ThreadAffinity;
import io.shmbench.placement.ThreadPin;
import io.shmbench.placement.Topology;
import io.shmbench.process.PeerCommand;

import java.util.List;
import java.util.OptionalInt;

/**
 * For the cross-process benchmarks that are not about placement: the calling thread pinned to the
 * writer CPU of {@link Placement#CROSS_CORE} and the peer told to pin itself to its reader CPU, so
 * both sides run on two cores of one node in every run, each with a CPU of its own. Unpinned, the
 * scheduler may put both busy-polling sides on one CPU for a while (a round trip then waits out a
 * time slice) or move them between CPUs mid-run; pinned, a series and the floor measured beside it
 * run on the same two CPUs. A host without two such cores leaves both sides to the scheduler, and
 * says why. Memory the pinned thread then creates is first touched on its node.
 *
 * <p>Benchmarks with a {@code pinning} parameter let the user turn it off ({@value #NONE}); each
 * trial's decision goes to {@code raw/pinning.csv} ({@link QuestionCsv#PINNING}) and stderr.
 */
final class CrossCorePin implements AutoCloseable {
    /** {@code pinning} value: both sides pinned, on two cores of one node (the default). */
    static final String CROSS_CORE = "cross-core";
    /** {@code pinning} value: both sides left to the scheduler. */
    static final String NONE = "none";

    /**
     * Where the two sides will run.
     *
     * @param thisCpu  the measuring thread's CPU, empty when unpinned
     * @param peerCpu  the peer's working thread's CPU, empty when unpinned
     * @param detail   what was decided and, when unpinned, why
     */
    record Plan(OptionalInt thisCpu, OptionalInt peerCpu, String detail) {
        boolean pinned() {
            return thisCpu.isPresent();
        }
    }

    private final ThreadPin pin;
    private final Plan plan;

    private CrossCorePin(ThreadPin pin, Plan plan) {
        this.pin = pin;
        this.plan = plan;
    }

    /**
     * The plan for a {@code pinning} value on {@code topology}.
     *
     * @throws IllegalArgumentException for a value other than {@value #CROSS_CORE} or {@value #NONE}
     */
    static Plan plan(String pinning, Topology topology) {
        return switch (pinning) {
            case CROSS_CORE -> switch (Placement.CROSS_CORE.resolve(topology)) {
                case PlacementDecision.Available where -> new Plan(OptionalInt.of(where.writerCpu()),
                        OptionalInt.of(where.readerCpu()), "pinned cross-core: this side CPU " + where.writerCpu()
                        + ", the peer CPU " + where.readerCpu());
                case PlacementDecision.Unavailable why -> new Plan(OptionalInt.empty(), OptionalInt.empty(),
                        "unpinned: this host cannot pin the two sides cross-core, which " + why.reason());
            };
            case NONE -> new Plan(OptionalInt.empty(), OptionalInt.empty(), "unpinned: pinning=" + NONE + " was asked for");
            default -> throw new IllegalArgumentException("unknown pinning '" + pinning + "'; valid: " + CROSS_CORE + ", " + NONE);
        };
    }

    /** Pins the calling thread cross-core on this host, as {@link #plan} decides for {@value #CROSS_CORE}. */
    static CrossCorePin pinThisThread() {
        return apply(plan(CROSS_CORE, Topology.host()));
    }

    /** Pins the calling thread per {@code pinning} on this host and records the decision for {@code series}. */
    static CrossCorePin pinThisThread(String pinning, SeriesName series) {
        CrossCorePin pin = apply(plan(pinning, Topology.host()));
        Plan p = pin.plan;
        QuestionCsv.PINNING.inCurrentRun().ifPresent(file -> file.append(List.of(List.of(series.benchmark(), series.paramsText(),
                cpu(p.thisCpu()), cpu(p.peerCpu()), p.detail()))));
        return pin;
    }

    private static CrossCorePin apply(Plan plan) {
        System.err.println("shmbench: " + plan.detail());
        return new CrossCorePin(plan.thisCpu().isPresent() ? ThreadAffinity.pinTo(plan.thisCpu().getAsInt()) : null, plan);
    }

    private static String cpu(OptionalInt cpu) {
        return cpu.isPresent() ? Integer.toString(cpu.getAsInt()) : "";
    }

    Plan plan() {
        return plan;
    }

    /** The CPU the peer is to pin its working thread to (empty when unpinned). */
    OptionalInt peerCpu() {
        return plan.peerCpu();
    }

    /** The peer's arguments that pin its working thread (none when unpinned). */
    List<String> peerArgs() {
        return PeerCommand.cpuArgs(plan.peerCpu());
    }

    /** Unpins the calling thread (the one that pinned it). */
    @Override
    public void close() {
        if (pin != null) {
            pin.close();
        }
    }
}
