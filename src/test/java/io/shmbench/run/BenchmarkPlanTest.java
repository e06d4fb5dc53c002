package io.shmbench.run;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.shmbench.run.Declarations.ALL;
import static io.shmbench.run.Declarations.Q1_ROUND_TRIP;
import static io.shmbench.run.Declarations.Q5_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkPlanTest {
    private static CommandLineOptions jmh(String... args) {
        return JmhOptions.parseUserArgs(List.of(args));
    }

    private static List<String> labels(BenchmarkPlan plan) {
        return plan.runs().stream().map(PlannedRun::label).toList();
    }

    @Test
    void fullRunsTheCartesianProductInNameAndDeclarationOrder() {
        BenchmarkPlan plan = BenchmarkPlan.build(ALL, Selection.parse("Q1Transports"), Profile.FULL, jmh(), HostParameters.NONE);

        assertEquals(List.of(
                "Q1Transports.roundTrip [avgt] messageBytes=64, transport=shm-ring",
                "Q1Transports.roundTrip [avgt] messageBytes=64, transport=uds",
                "Q1Transports.roundTrip [avgt] messageBytes=64, transport=pipe",
                "Q1Transports.roundTrip [avgt] messageBytes=2048, transport=shm-ring",
                "Q1Transports.roundTrip [avgt] messageBytes=2048, transport=uds",
                "Q1Transports.roundTrip [avgt] messageBytes=2048, transport=pipe",
                "Q1Transports.roundTrip [avgt] messageBytes=65536, transport=shm-ring",
                "Q1Transports.roundTrip [avgt] messageBytes=65536, transport=uds",
                "Q1Transports.roundTrip [avgt] messageBytes=65536, transport=pipe"), labels(plan));
    }

    @Test
    void smokeRunsEveryBenchmarkOnce() {
        BenchmarkPlan plan = BenchmarkPlan.build(ALL, Selection.ALL, Profile.SMOKE, jmh(), HostParameters.NONE);

        assertEquals(List.of(
                "Q10Future.run [avgt]",
                "Q1RingSideAlone.write [avgt] messageBytes=2048",
                // Profile.SMOKE adds floor (at its only size, 0 B) to Q1's round trip; the real plan's
                // rules drop the crossed pairs, this fixture has no rules.
                "Q1Transports.roundTrip [avgt] messageBytes=64, transport=shm-ring",
                "Q1Transports.roundTrip [avgt] messageBytes=64, transport=floor",
                "Q1Transports.roundTrip [avgt] messageBytes=0, transport=shm-ring",
                "Q1Transports.roundTrip [avgt] messageBytes=0, transport=floor",
                "Q5PayloadLayout.readSnapshot [avgt] features=16, payloadLayout=AOS, servers=16"), labels(plan));
    }

    @Test
    void quickAppliesTheProfilesOverrides() {
        BenchmarkPlan plan = BenchmarkPlan.build(ALL, Selection.parse("Q5"), Profile.QUICK, jmh(), HostParameters.NONE);

        assertEquals(6, plan.runs().size()); // 3 layouts x servers {16, 256}
        assertEquals(new TreeMap<>(Map.of("features", List.of("16"), "payloadLayout", List.of("AOS", "SOA", "HYBRID"),
                "servers", List.of("16", "256"))), plan.parameters().get(Q5_READ));
    }

    @Test
    void theUsersJmhParamsModesIncludesAndExcludesWin() {
        BenchmarkPlan plan = BenchmarkPlan.build(ALL, Selection.ALL, Profile.FULL,
                jmh("-p", "servers=64", "-p", "payloadLayout=SOA", "-bm", "thrpt,sample", "-e", "Q10", "Payload|Transports"),
                HostParameters.NONE);

        assertEquals((9 + 1) * 2, plan.runs().size());
        assertEquals(List.of(
                "Q5PayloadLayout.readSnapshot [thrpt] features=16, payloadLayout=SOA, servers=64",
                "Q5PayloadLayout.readSnapshot [sample] features=16, payloadLayout=SOA, servers=64"),
                labels(plan).stream().filter(l -> l.startsWith("Q5")).toList());
        assertEquals(18, labels(plan).stream().filter(l -> l.startsWith("Q1Transports.roundTrip")).count());
        assertTrue(plan.runs().stream().allMatch(
                r -> r.benchmark().mode() == Mode.Throughput || r.benchmark().mode() == Mode.SampleTime));
    }

    @Test
    void valuesTheHostOffersReplaceTheDeclaredOnesBeforeTheProfilePicks() {
        BenchmarkDeclaration q6 = Declarations.of("io.shmbench.bench.Q6Placement.roundTrip",
                Map.of("placement", List.of("auto"), "transport", List.of("floor", "shm-ring")));
        HostParameters topology = (benchmark, param) -> param.equals("placement")
                ? java.util.Optional.of(List.of("same-core", "sibling-cores")) : java.util.Optional.empty();

        BenchmarkPlan full = BenchmarkPlan.build(List.of(q6), Selection.ALL, Profile.FULL, jmh(), topology);
        BenchmarkPlan smoke = BenchmarkPlan.build(List.of(q6), Selection.ALL, Profile.SMOKE, jmh(), topology);
        BenchmarkPlan pinned = BenchmarkPlan.build(List.of(q6), Selection.ALL, Profile.FULL, jmh("-p", "placement=cross-node"),
                topology);

        assertEquals(List.of("same-core", "sibling-cores"), full.parameters().get(q6).get("placement"));
        assertEquals(4, full.runs().size());
        assertEquals(List.of("Q6Placement.roundTrip [avgt] placement=same-core, transport=floor"), labels(smoke));
        assertEquals(List.of("cross-node"), pinned.parameters().get(q6).get("placement"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkPlan.build(List.of(q6),
                Selection.ALL, Profile.FULL, jmh(), (b, p) -> java.util.Optional.of(List.of())));
        assertTrue(e.getMessage().contains("offers no value"), e.getMessage());
    }

    @Test
    void selectingNothingIsAnErrorThatListsTheSuite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkPlan.build(ALL, Selection.parse("Q7"), Profile.QUICK, jmh(), HostParameters.NONE));

        assertTrue(e.getMessage().contains("--only 'Q7'"), e.getMessage());
        assertTrue(e.getMessage().contains("Q1Transports") && e.getMessage().contains("Q5PayloadLayout"), e.getMessage());
    }

    @Test
    void modeAllBecomesOneDeclarationPerModeAndNamesSplitIntoClassAndMethod() {
        List<Mode> modes = BenchmarkDeclaration.concrete(Mode.All);
        assertEquals(4, modes.size());
        assertTrue(!modes.contains(Mode.All));
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkDeclaration("a.B.m", Mode.All, new TreeMap<>()));
        assertThrows(IllegalArgumentException.class,
                () -> new BenchmarkDeclaration("a.B.m", Mode.AverageTime, new TreeMap<>(Map.of("p", List.of()))));
        assertEquals("Q1Transports", Q1_ROUND_TRIP.className());
        assertEquals("roundTrip", Q1_ROUND_TRIP.method());
        assertEquals("Q1Transports.roundTrip", Q1_ROUND_TRIP.shortName());
    }
}
