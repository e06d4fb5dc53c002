package io.shmbench.run;

import io.shmbench.placement.FakeSysfs;
import io.shmbench.placement.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The placement and CPU-pair values built from fabricated topologies, and how the plan uses them. */
class TopologyParametersTest {
    private static final BenchmarkDeclaration Q6 = Declarations.of("io.shmbench.bench.Q6Placement.roundTrip",
            Map.of("placement", List.of("same-core", "smt-sibling", "cross-core", "cross-node", "cross-node-remote-memory"),
                    "transport", List.of("floor", "shm-ring", "uds")));
    private static final BenchmarkDeclaration MATRIX = Declarations.of("io.shmbench.bench.Q6CoreMatrix.floorRoundTrip",
            Map.of("cpuPair", List.of("0:1")));

    @TempDir
    Path root;

    @Test
    void oneNodeTwoCoresOffersSameAndCrossCoreAndOnePair() {
        TopologyParameters host = TopologyParameters.of(FakeSysfs.oneNodeTwoCores(root).read());
        assertEquals(Optional.of(List.of("same-core", "cross-core")), host.values(Q6, "placement"));
        assertEquals(Optional.of(List.of("0:1")), host.values(MATRIX, "cpuPair"));
        assertEquals(Optional.empty(), host.values(Q6, "transport"), "not a topology parameter");
    }

    @Test
    void twoNodesWithSmtOfferEveryPlacementAndEveryPair() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root).read();
        TopologyParameters host = TopologyParameters.of(t);
        assertEquals(Optional.of(List.of("same-core", "smt-sibling", "cross-core", "cross-node", "cross-node-remote-memory")),
                host.values(Q6, "placement"));
        List<String> pairs = host.values(MATRIX, "cpuPair").orElseThrow();
        assertEquals(32 * 31 / 2, pairs.size());
        assertEquals(List.of("0:1", "0:2"), pairs.subList(0, 2));
        assertEquals("30:31", pairs.getLast());
    }

    @Test
    void aRestrictedCpuSetNarrowsBoth() {
        TopologyParameters host = TopologyParameters.of(FakeSysfs.twoSocketsEightCoresSmt(root).allowed("3,11,19").read());
        assertEquals(Optional.of(List.of("same-core", "smt-sibling", "cross-node", "cross-node-remote-memory")),
                host.values(Q6, "placement"), "3 and 19 are siblings; 11 is on the other node; no second core on a node");
        assertEquals(Optional.of(List.of("3:11", "3:19", "11:19")), host.values(MATRIX, "cpuPair"));
    }

    @Test
    void oneUsableCpuKeepsTheDeclaredPairSoTheBenchmarkReportsItUnavailable() {
        TopologyParameters host = TopologyParameters.of(FakeSysfs.oneNodeTwoCores(root).allowed("1").read());
        assertEquals(Optional.of(List.of("same-core")), host.values(Q6, "placement"));
        assertEquals(Optional.empty(), host.values(MATRIX, "cpuPair"));

        BenchmarkPlan quick = BenchmarkPlan.build(List.of(MATRIX), Selection.ALL, Profile.QUICK,
                new org.openjdk.jmh.runner.options.OptionsBuilder().build(), host);
        assertEquals(List.of("0:1"), quick.parameters().get(MATRIX).get("cpuPair"));
    }

    @Test
    void smokeTakesTheClosestPlacementQuickTakesAllOffered() {
        TopologyParameters host = TopologyParameters.of(FakeSysfs.twoSocketsEightCoresSmt(root).read());
        var options = new org.openjdk.jmh.runner.options.OptionsBuilder().build();
        BenchmarkPlan smoke = BenchmarkPlan.build(List.of(Q6), Selection.ALL, Profile.SMOKE, options, host);
        BenchmarkPlan quick = BenchmarkPlan.build(List.of(Q6), Selection.ALL, Profile.QUICK, options, host);
        assertEquals(List.of("same-core"), smoke.parameters().get(Q6).get("placement"));
        assertEquals(5 * 3, quick.runs().size());
    }
}
