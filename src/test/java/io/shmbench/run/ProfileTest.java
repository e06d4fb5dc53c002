package io.shmbench.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.shmbench.run.Declarations.Q1_ALONE_WRITE;
import static io.shmbench.run.Declarations.Q5_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    @Test
    void smokeRunsTheFirstDeclaredValueQuickNarrowsFullRunsAll() {
        List<String> declared = Q5_READ.params().get("servers");

        assertEquals(List.of("16"), Profile.SMOKE.valuesFor(Q5_READ, "servers", declared));
        assertEquals(List.of("16", "256"), Profile.QUICK.valuesFor(Q5_READ, "servers", declared));
        assertEquals(List.of("16", "64", "256"), Profile.FULL.valuesFor(Q5_READ, "servers", declared));
        assertEquals(List.of("AOS", "SOA", "HYBRID"),
                Profile.QUICK.valuesFor(Q5_READ, "payloadLayout", Q5_READ.params().get("payloadLayout")));
        assertEquals(List.of("64", "2048"), Profile.QUICK.valuesFor(Q1_ALONE_WRITE, "messageBytes", List.of("2048", "64")));
    }

    @Test
    void fullMeasuresLongestWithAtLeastThreeForks() {
        assertTrue(Profile.FULL.forks() >= 3);
        for (Profile p : List.of(Profile.SMOKE, Profile.QUICK)) {
            assertTrue(p.forks() <= Profile.FULL.forks());
            assertTrue(p.measurementIterations() <= Profile.FULL.measurementIterations());
            assertTrue(p.measurementTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)
                    <= Profile.FULL.measurementTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        assertEquals(1, Profile.SMOKE.warmupIterations());
        assertEquals(1, Profile.SMOKE.measurementIterations());
    }

    @Test
    void parsesNamesInAnyCaseAndListsTheChoicesOtherwise() {
        assertEquals(Profile.SMOKE, Profile.parse("Smoke"));
        assertEquals(Profile.FULL, Profile.parse("full"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertTrue(e.getMessage().contains("smoke, quick, full"), e.getMessage());
    }

    @Test
    void overridesPreferTheMostSpecificKey() {
        ParamOverrides overrides = ParamOverrides.builder()
                .set(ParamOverrides.ANY_BENCHMARK, "messageBytes", "8")
                .set("Q1RingSideAlone", "messageBytes", "64")
                .set("Q1RingSideAlone.write", "messageBytes", "2048")
                .build();

        assertEquals(List.of("2048"), overrides.lookup(Q1_ALONE_WRITE, "messageBytes").orElseThrow());
        assertEquals(List.of("8"), overrides.lookup(Declarations.Q1_ROUND_TRIP, "messageBytes").orElseThrow());
        assertTrue(overrides.lookup(Q5_READ, "servers").isEmpty());
        assertEquals(Map.of("messageBytes", List.of("64")), overrides.asMap().get("Q1RingSideAlone"));
        assertThrows(IllegalArgumentException.class, () -> ParamOverrides.builder().set("A", "p"));
        assertThrows(IllegalArgumentException.class, () -> ParamOverrides.builder().set("A", "p", "1").set("A", "p", "2"));
    }
}
