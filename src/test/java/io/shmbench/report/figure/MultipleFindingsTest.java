package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.BlockMultiple;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.HostStates;
import io.shmbench.report.Interval;
import io.shmbench.report.SamePairMultiple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The captions of same-pair figures say which bars a run cannot tell apart and which depend on the host state. */
class MultipleFindingsTest {
    private static FloorMultiple multiple(String transport, double x, double low, double high, BlockMultiple... states) {
        return new FloorMultiple(SeriesName.of("Q1Transports.roundTrip", Map.of("transport", transport)), Double.NaN, Double.NaN,
                Optional.of(new SamePairMultiple(new BlockMultiple(HostStates.ALL, 100, 1, 130, x, new Interval(low, high)),
                        states.length == 0 ? HostStates.ONE : new HostStates(220), List.of(states), Double.NaN, Double.NaN,
                        Interval.NONE, 0)), Optional.empty());
    }

    private static BlockMultiple state(String name, double x, double low, double high) {
        return new BlockMultiple(name, 50, 0.5, 130, x, new Interval(low, high));
    }

    private static String findings(FloorMultiple... rows) {
        return MultipleFindings.of(List.of(rows), m -> m.key().param("transport").orElseThrow());
    }

    @Test
    void overlappingNeighboursAreNamedInGroups() {
        String text = findings(multiple("a", 2.0, 1.9, 2.1), multiple("b", 2.05, 2.0, 2.2), multiple("c", 2.15, 2.12, 2.3),
                multiple("d", 5, 4.9, 5.1), multiple("e", 9, 8.8, 9.2), multiple("f", 9.1, 9.0, 9.3));
        assertEquals("The intervals overlap for a, b and c; for e and f: this run does not tell those apart.", text);
    }

    @Test
    void separateIntervalsAreSaidToBeSo() {
        assertEquals("No two intervals overlap.", findings(multiple("a", 2, 1.9, 2.1), multiple("b", 3, 2.9, 3.1)));
        assertEquals("", findings(multiple("a", 2, 1.9, 2.1)), "one bar: nothing to compare");
    }

    @Test
    void aMultipleThatDependsOnTheHostStateIsNamedWithBothValues() {
        FloorMultiple split = multiple("uds", 30, 21, 39, state("fast", 40, 39.5, 40.5), state("slow", 21, 20.5, 21.5));
        FloorMultiple same = multiple("ring", 2.2, 2.1, 2.3, state("fast", 2.2, 2.1, 2.3), state("slow", 2.25, 2.15, 2.35));
        String text = findings(split, same);
        assertTrue(text.contains("depends on the host state for uds (fast 40.0x, slow 21.0x)"), text);
        assertFalse(text.contains("ring ("), "states whose intervals overlap are one multiple: " + text);
        assertTrue(MultipleFindings.dependsOnHostState(split));
        assertFalse(MultipleFindings.dependsOnHostState(same));
    }

    @Test
    void whenEverySeriesDependsOnTheStateTheCaptionSaysSoOnce() {
        FloorMultiple[] rows = new FloorMultiple[4];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = multiple("t" + i, 2 + i, 1.9 + i, 2.1 + i, state("fast", 2 + i, 1.95 + i, 2.05 + i),
                    state("slow", 2.5 + i, 2.45 + i, 2.55 + i));
        }
        String text = findings(rows);
        assertTrue(text.contains("The multiple of every series depends on the host state"), text);
        assertFalse(text.contains("t0 ("), text);
    }
}
