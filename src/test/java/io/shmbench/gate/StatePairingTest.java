package io.shmbench.gate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same-pair multiples are compared only between blocks of the same host state. */
class StatePairingTest {
    private static StateMultiple state(String name, double floorNs, double multiple) {
        return new StateMultiple(name, floorNs, 1, Estimate.point(multiple));
    }

    private static MetricPair named(List<MetricPair> pairs, String name) {
        return pairs.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + pairs));
    }

    @Test
    void twoStatesEachAreComparedStateByState() {
        List<MetricPair> pairs = StatePairing.pair("s", List.of(state("all", 200, 1.7), state("fast", 130, 1.4), state("slow", 350, 2)),
                List.of(state("all", 300, 1.9), state("fast", 125, 1.45), state("slow", 360, 2.05)));
        assertEquals(Optional.empty(), named(pairs, "p50_x_floor fast").held());
        assertEquals(1.45, named(pairs, "p50_x_floor fast").current().orElseThrow().value());
        assertEquals(2.05, named(pairs, "p50_x_floor slow").current().orElseThrow().value());
        assertTrue(named(pairs, "p50_x_floor all").held().orElseThrow().contains("mixes host states"));
    }

    @Test
    void aRunInOneStateMeetsTheStateWithTheNearestFloor() {
        List<MetricPair> pairs = StatePairing.pair("s", List.of(state("all", 340, 2.1)),
                List.of(state("all", 200, 1.7), state("fast", 130, 1.4), state("slow", 350, 2)));
        MetricPair slow = named(pairs, "p50_x_floor slow");
        assertEquals(Optional.empty(), slow.held());
        assertEquals(2.1, slow.baseline().orElseThrow().value());
        assertEquals(2.0, slow.current().orElseThrow().value());
        assertTrue(named(pairs, "p50_x_floor fast at floor 130 ns").held().orElseThrow()
                .contains("the baseline run has no blocks in this host state"));
    }

    @Test
    void aStateOfTheSameNameButAnotherFloorIsNotCompared() {
        // A busy host: the baseline's "fast" blocks had a 230 ns floor, the current run's 130 ns.
        List<MetricPair> pairs = StatePairing.pair("s", List.of(state("all", 260, 2.8), state("fast", 230, 3.0), state("slow", 370, 1.95)),
                List.of(state("all", 300, 2.0), state("fast", 130, 1.5), state("slow", 370, 2.1)));
        List<MetricPair> fast = pairs.stream().filter(p -> p.name().startsWith("p50_x_floor fast at floor")).toList();
        assertEquals(2, fast.size(), "one row for each run's fast state: " + pairs);
        assertTrue(fast.stream().allMatch(p -> p.held().isPresent()), fast.toString());
        assertEquals(Optional.empty(), named(pairs, "p50_x_floor slow").held(), "the slow states agree");
    }

    @Test
    void oneStateEachIsComparedOnlyWhenTheFloorsAgree() {
        MetricPair same = StatePairing.pair("s", List.of(state("all", 130, 1.4)), List.of(state("all", 150, 1.5))).getFirst();
        assertEquals("p50_x_floor", same.name());
        assertEquals(Optional.empty(), same.held());
        MetricPair other = StatePairing.pair("s", List.of(state("all", 130, 1.4)), List.of(state("all", 350, 2))).getFirst();
        assertTrue(other.held().orElseThrow().contains("different host states (floor p50 130 ns / 350 ns)"), other.held().toString());
    }

    @Test
    void aSeriesInOneRunOnlyIsMissingOrNewNotHeld() {
        List<MetricPair> pairs = StatePairing.pair("s", List.of(state("all", 200, 1.7), state("fast", 130, 1.4),
                state("slow", 350, 2)), List.of());
        assertTrue(named(pairs, "p50_x_floor fast").current().isEmpty());
        assertEquals(Optional.empty(), named(pairs, "p50_x_floor fast").held());
    }
}
