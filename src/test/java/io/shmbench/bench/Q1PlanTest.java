package io.shmbench.bench;

import io.shmbench.measure.Outcome;
import io.shmbench.message.CheckedMessage;
import io.shmbench.run.BenchmarkDeclaration;
import io.shmbench.run.BenchmarkPlan;
import io.shmbench.run.JmhOptions;
import io.shmbench.run.PlannedRun;
import io.shmbench.run.Profile;
import io.shmbench.run.Selection;
import io.shmbench.run.HostParameters;
import io.shmbench.run.Verdict;
import io.shmbench.testutil.NoCCompiler;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.Transport;
import io.shmbench.transport.Transports;
import io.shmbench.transport.WaitMode;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Q1Plan against the benchmarks as compiled (JMH's own benchmark list), so the declarations and the rules stay in step. */
class Q1PlanTest {
    private static final List<BenchmarkDeclaration> COMPILED = BenchmarkDeclaration.fromJmh(BenchmarkList.defaultList()
            .find(OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT),
                    List.of("Q1Transports"), List.of()));

    private static BenchmarkPlan plan(Profile profile, String... jmhArgs) {
        return BenchmarkPlan.build(COMPILED, Selection.parse("Q1Transports"), profile, JmhOptions.parseUserArgs(List.of(jmhArgs)),
                HostParameters.NONE, new Q1Plan());
    }

    private static String describe(PlannedRun run) {
        Map<String, String> p = run.params();
        return run.benchmark().method() + " " + p.get("transport") + " " + p.get("messageBytes") + " " + p.get("waitStrategy")
                + (p.containsKey("ratePerSecond") ? " " + p.get("ratePerSecond") : "");
    }

    private static Set<String> described(List<PlannedRun> runs) {
        Set<String> out = new HashSet<>();
        runs.forEach(r -> out.add(describe(r)));
        return out;
    }

    private static Verdict support(PeerRole role, String transport, int bytes) {
        return Q1Plan.support(role, Transports.byName(transport), bytes);
    }

    @Test
    void theDeclaredTransportsIncludeEveryRegisteredOne() {
        BenchmarkDeclaration roundTrip = COMPILED.stream().filter(b -> b.method().equals(Q1Transports.ROUND_TRIP)).findFirst().orElseThrow();
        assertTrue(roundTrip.params().get("transport").containsAll(Transports.names()),
                "Q1Transports' @Param transport " + roundTrip.params().get("transport") + " must name every registered transport "
                        + Transports.names());
        assertEquals("shm-ring", roundTrip.params().get("transport").getFirst(), "smoke runs the first");
        assertEquals("64", roundTrip.params().get("messageBytes").getFirst());
        assertEquals("spin", roundTrip.params().get("waitStrategy").getFirst());
    }

    @Test
    void quickMeasuresEveryTransportTheWayItIsUsedAndFloorOnceAtZeroBytes() {
        BenchmarkPlan plan = plan(Profile.QUICK);
        Set<String> runs = described(plan.runs());

        for (String name : Transports.names()) {
            Transport t = Transports.byName(name);
            if (name.equals("floor") || t.unavailable().isPresent()) {
                continue; // floor below; shm-ring-c without a C compiler: withoutACCompiler...
            }
            String wait = t.blocksInKernel() ? "block" : "spin";
            for (String size : List.of("64", "2048")) {
                assertTrue(runs.contains("roundTrip " + name + " " + size + " " + wait), name + " round trip at " + size + " B, " + wait);
                assertTrue(runs.contains("throughput " + name + " " + size + " " + wait), name + " throughput at " + size + " B");
                assertFalse(runs.contains("roundTrip " + name + " " + size + " " + (wait.equals("spin") ? "block" : "spin")));
            }
            for (String rate : List.of("10000")) {
                boolean quickSubset = List.of("shm-ring", "uds", "pipe", "mq").contains(name); // Profile.QUICK's fixedRate transports
                assertEquals(quickSubset, runs.contains("fixedRate " + name + " 64 " + wait + " " + rate), name + " at " + rate + "/s");
            }
        }
        List<String> floors = plan.runs().stream().filter(r -> r.params().get("transport").equals("floor")).map(Q1PlanTest::describe).toList();
        assertEquals(List.of("roundTrip floor 0 spin"), floors, "one floor per run");
        assertTrue(plan.runs().stream().noneMatch(r -> r.params().get("messageBytes").equals("0") && !r.params().get("transport").equals("floor")));
    }

    @Test
    void whatATransportCannotDoIsRecordedOnceAsUnsupportedWithItsReason() {
        BenchmarkPlan plan = plan(Profile.FULL);
        List<BenchmarkPlan.NotRun> recorded = plan.notRun().stream().filter(n -> n.verdict().recordedAs().isPresent()).toList();

        assertTrue(recorded.stream().allMatch(n -> n.verdict().recordedAs().equals(Optional.of(Outcome.UNSUPPORTED))));
        String mqLimit = Transports.byName("mq").sizeLimit().reason();
        List<BenchmarkPlan.NotRun> mqRoundTrips = recorded.stream()
                .filter(n -> describe(n.run()).startsWith("roundTrip mq 65536 ")).toList();
        assertEquals(List.of("roundTrip mq 65536 spin", "roundTrip mq 65536 block", "roundTrip mq 65536 yield"),
                mqRoundTrips.stream().map(n -> describe(n.run())).toList(), "once per series, so each series' figure marks it");
        assertTrue(mqRoundTrips.stream().allMatch(n -> n.verdict().reason().contains(mqLimit)));
        assertTrue(plan(Profile.QUICK).notRun().stream().noneMatch(n -> n.verdict().recordedAs().isPresent()
                        && Transports.byName(n.run().params().get("transport")).unavailable().isEmpty()),
                "every case quick measures fits every transport this machine can run");
    }

    /**
     * shm-ring-c is the ring with a C peer: where no C compiler is, Q1 records each of its series as
     * unsupported, saying so; its C peer has no fixed-rate source anywhere.
     */
    @Test
    void theCPeerIsUnsupportedWithoutACompilerAndAtAFixedRate() {
        try (NoCCompiler none = NoCCompiler.set()) {
            List<BenchmarkPlan.NotRun> cPeer = plan(Profile.QUICK).notRun().stream()
                    .filter(n -> n.run().params().get("transport").equals("shm-ring-c") && n.verdict().recordedAs().isPresent()).toList();
            assertEquals(Set.of("roundTrip shm-ring-c 8 spin", "roundTrip shm-ring-c 64 spin", "roundTrip shm-ring-c 2048 spin", "throughput shm-ring-c 64 spin",
                    "throughput shm-ring-c 2048 spin"), described(cPeer.stream().map(BenchmarkPlan.NotRun::run).toList()));
            for (BenchmarkPlan.NotRun n : cPeer) {
                assertEquals(Optional.of(Outcome.UNSUPPORTED), n.verdict().recordedAs());
                assertTrue(n.verdict().reason().startsWith("shm-ring-c cannot run on this machine: no C compiler on this machine ('"
                        + NoCCompiler.MISSING + "' does not run"), n.verdict().reason());
            }
        }
        Verdict source = support(PeerRole.SOURCE, "shm-ring-c", 64);
        assertEquals(Verdict.Kind.UNSUPPORTED, source.kind());
        if (Transports.byName("shm-ring-c").unavailable().isEmpty()) { // else that is the reason
            assertEquals("shm-ring-c's peer takes echo and sink, not source", source.reason());
        }
    }

    @Test
    void floorIsTheYardstickSoItIsLeftOutRatherThanMarkedUnsupportedElsewhere() {
        BenchmarkPlan plan = plan(Profile.FULL);
        List<BenchmarkPlan.NotRun> floorsNotRun = plan.notRun().stream()
                .filter(n -> n.run().params().get("transport").equals("floor")).toList();

        assertTrue(floorsNotRun.stream().anyMatch(n -> describe(n.run()).equals("roundTrip floor 64 spin")));
        assertTrue(floorsNotRun.stream().anyMatch(n -> describe(n.run()).startsWith("throughput floor ")));
        assertTrue(floorsNotRun.stream().allMatch(n -> n.verdict().kind() == Verdict.Kind.SKIP), "never recorded as a failure");
        assertTrue(floorsNotRun.stream().filter(n -> n.run().params().get("waitStrategy").equals("spin"))
                .allMatch(n -> n.verdict().reason().contains("yardstick")));
    }

    @Test
    void sizesOverATransportsLimitAreUnsupportedNamingTheLimit() {
        for (String name : Transports.names()) {
            Transport t = Transports.byName(name);
            for (int size : new int[]{8, 64, 256, 2048, 2880, 65536}) {
                Verdict v = support(PeerRole.ECHO, name, size);
                boolean fits = !name.equals("floor") && t.sizeLimit().allows(size);
                if (t.unavailable().isPresent()) {
                    continue;
                }
                assertEquals(fits, v.runs(), name + " at " + size + " B: " + v);
                if (!fits && !name.equals("floor")) {
                    assertEquals(Verdict.Kind.UNSUPPORTED, v.kind());
                    assertTrue(v.reason().contains(t.sizeLimit().reason()), v.reason());
                }
            }
        }
        int mqLimit = Transports.byName("mq").sizeLimit().maxBytes();
        assertEquals(Verdict.Kind.UNSUPPORTED, support(PeerRole.SINK, "mq", mqLimit + 1).kind());
        assertTrue(support(PeerRole.SINK, "mq", mqLimit).runs());
    }

    @Test
    void floorIsAnEchoOfNothingAndStreamsNeedRoomForWhatTheyCarry() {
        assertTrue(support(PeerRole.ECHO, "floor", 0).runs());
        assertEquals(Verdict.Kind.UNSUPPORTED, support(PeerRole.ECHO, "floor", 8).kind());
        assertEquals(Verdict.Kind.UNSUPPORTED, support(PeerRole.SINK, "floor", 0).kind());
        assertEquals(Verdict.Kind.UNSUPPORTED, support(PeerRole.SOURCE, "floor", 0).kind());

        Verdict tooSmall = support(PeerRole.SOURCE, "uds", 8);
        assertEquals(Verdict.Kind.UNSUPPORTED, tooSmall.kind());
        assertTrue(tooSmall.reason().contains("stamp"), tooSmall.reason());
        assertTrue(support(PeerRole.SOURCE, "uds", CheckedMessage.MIN_LENGTH).runs());
        assertTrue(support(PeerRole.SINK, "uds", 8).runs(), "the sink's 16-byte report sizes its channel, not the message");
        assertEquals(16, Q1Plan.channelBytes(PeerRole.SINK, Transports.byName("uds"), 8));
        assertEquals(64, Q1Plan.channelBytes(PeerRole.ECHO, Transports.byName("uds"), 64));
        assertEquals(8, Q1Plan.channelBytes(PeerRole.ECHO, Transports.byName("shm-ring"), 0),
                "a round trip also carries the same-pair floor's 8-byte schedule");
        assertEquals(0, Q1Plan.channelBytes(PeerRole.ECHO, Transports.byName("floor"), 0), "floor is not paired with itself");
    }

    @Test
    void aCombinationAskedForThatABenchmarkCannotRunIsUnsupportedNotAFailure() {
        // The command a user tried: floor has no payload, so floor at 64 B cannot run however it is asked for.
        BenchmarkPlan plan = plan(Profile.QUICK, "-p", "transport=floor,shm-ring,agrona", "-p", "messageBytes=0,64",
                "-p", "waitStrategy=spin");
        Set<String> runs = described(plan.runs().stream().filter(r -> r.benchmark().method().equals("roundTrip")).toList());
        assertEquals(Set.of("roundTrip floor 0 spin", "roundTrip shm-ring 0 spin", "roundTrip shm-ring 64 spin",
                "roundTrip agrona 0 spin", "roundTrip agrona 64 spin"), runs);
        BenchmarkPlan.NotRun floorAt64 = plan.notRun().stream()
                .filter(n -> describe(n.run()).equals("roundTrip floor 64 spin")).findFirst().orElseThrow();
        assertEquals(Optional.of(Outcome.UNSUPPORTED), floorAt64.verdict().recordedAs(), "recorded, so figures mark it");
        assertTrue(floorAt64.verdict().reason().contains("no payload"), floorAt64.verdict().reason());
    }

    @Test
    void fullMeasuresEveryWaitStrategyButFloorOnlySpinning() {
        Set<String> runs = described(plan(Profile.FULL, "-p", "messageBytes=64,0", "-p", "ratePerSecond=1000").runs());

        for (WaitMode wait : WaitMode.values()) {
            assertTrue(runs.contains("roundTrip uds 64 " + wait.word()), "uds " + wait);
            assertTrue(runs.contains("fixedRate shm-ring 64 " + wait.word() + " 1000"), "shm-ring " + wait);
        }
        assertTrue(runs.contains("roundTrip floor 0 spin"));
        assertFalse(runs.contains("roundTrip floor 0 block"));
        assertTrue(runs.contains("roundTrip uds 0 spin"), "the user asked for 0 B: a skip gives way");
    }

    @Test
    void zeroBytesAskedForStillFollowsTheWaitRuleTheUserDidNotOverride() {
        BenchmarkPlan plan = plan(Profile.QUICK, "-p", "transport=floor,shm-ring,pipe", "-p", "messageBytes=0,64");
        Set<String> roundTrips = described(plan.runs().stream().filter(r -> r.benchmark().method().equals("roundTrip")).toList());
        assertEquals(Set.of("roundTrip floor 0 spin", "roundTrip shm-ring 0 spin", "roundTrip shm-ring 64 spin",
                "roundTrip pipe 0 block", "roundTrip pipe 64 block"), roundTrips, "each transport in its natural wait only");

        Set<String> everyWait = described(plan(Profile.QUICK, "-p", "transport=pipe", "-p", "messageBytes=0",
                "-p", "waitStrategy=spin,block").runs().stream().filter(r -> r.benchmark().method().equals("roundTrip")).toList());
        assertEquals(Set.of("roundTrip pipe 0 spin", "roundTrip pipe 0 block"), everyWait, "unless the wait is asked for too");
    }

    @Test
    void aWaitStrategyTheUserAsksForRunsInQuickToo() {
        Set<String> runs = described(plan(Profile.QUICK, "-p", "waitStrategy=yield").runs());

        assertTrue(runs.contains("roundTrip uds 64 yield"));
        assertTrue(runs.contains("roundTrip shm-ring 2048 yield"));
    }

    @Test
    void anUnknownTransportIsAUsageErrorButADeclaredUnregisteredOneIsSkipped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(Profile.QUICK, "-p", "transport=udss"));
        assertTrue(e.getMessage().contains("udss") && e.getMessage().contains("shm-ring"), e.getMessage());

        BenchmarkDeclaration roundTrip = COMPILED.stream().filter(b -> b.method().equals(Q1Transports.ROUND_TRIP)).findFirst().orElseThrow();
        var params = new TreeMap<>(Map.of("transport", "chronicle-style", "messageBytes", "64", "waitStrategy", "spin"));
        Verdict v = new Q1Plan().verdict(roundTrip, params, Profile.FULL);
        assertEquals(Transports.names().contains("chronicle-style") ? Verdict.Kind.RUN : Verdict.Kind.SKIP, v.kind(), v.toString());
    }

    @Test
    void otherBenchmarksAreNotItsBusiness() {
        BenchmarkDeclaration other = new BenchmarkDeclaration("io.shmbench.bench.Q5PayloadLayout.readSnapshot",
                org.openjdk.jmh.annotations.Mode.AverageTime, new TreeMap<>(Map.of("transport", List.of("floor"))));
        assertEquals(Verdict.RUN, new Q1Plan().verdict(other, new TreeMap<>(Map.of("transport", "floor")), Profile.QUICK));
    }
}
