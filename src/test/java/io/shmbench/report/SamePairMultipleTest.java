package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A series' same-pair multiple from its blocks: overall and per host state, on blocks whose answer is known. */
class SamePairMultipleTest {
    private static final SeriesName KEY = SeriesName.of("Q1Transports.roundTrip", Map.of("transport", "shm-ring"));

    /** Blocks with these floors, ratio {@code fast} below 240 ns and {@code slow} above, in the order given. */
    private static FloorBlocks blocks(double[] floors, double fast, double slow) {
        List<FloorBlock> b = new ArrayList<>();
        for (int i = 0; i < floors.length; i++) {
            double ratio = floors[i] < 240 ? fast : slow;
            b.add(new FloorBlock(1, 7, 1, i + 1, 100, floors[i] * ratio, 100, floors[i]));
        }
        return new FloorBlocks(KEY, b);
    }

    /** The multiple with the host states decided over the series' own blocks, as for a benchmark of one series. */
    private static SamePairMultiple alone(FloorBlocks blocks, List<Double> roundP99Multiples) {
        return SamePairMultiple.of(blocks, HostStates.bySeries(List.of(blocks)).get(KEY), Optional.empty(), Optional.empty(),
                roundP99Multiples);
    }

    @Test
    void aSplitHostGivesEachStateItsShareAndMultiple() {
        SamePairMultiple m = alone(blocks(HostStatesTest.floors(10_000, 0.3, 9), 2.2, 3.1), List.of());
        assertEquals(List.of(HostStates.FAST, HostStates.SLOW), m.byState().stream().map(BlockMultiple::hostState).toList());
        BlockMultiple fast = m.byState().get(0);
        BlockMultiple slow = m.byState().get(1);
        assertEquals(7000, fast.blocks());
        assertEquals(0.7, fast.blockShare(), 1e-12);
        assertEquals(0.3, slow.blockShare(), 1e-12);
        assertEquals(2.2, fast.multiple(), 1e-9);
        assertEquals(3.1, slow.multiple(), 1e-9);
        assertEquals(130, fast.floorP50Ns(), 2);
        assertEquals(370, slow.floorP50Ns(), 5);
        assertEquals(2.2, m.all().multiple(), 1e-9, "70% of the ratios are 2.2: so is their median");
        assertEquals(10_000, m.all().blocks());
        assertEquals(1, m.all().blockShare());
    }

    @Test
    void aSmallSlowMinorityLeavesOneState() {
        SamePairMultiple m = alone(blocks(HostStatesTest.floors(10_000, 0.03, 9), 2.2, 3.1), List.of());
        assertTrue(m.byState().isEmpty());
        assertEquals(2.2, m.all().multiple(), 1e-9);
    }

    /**
     * Host states are the benchmark's, not each series': a series that ran only while the host was
     * slow is labelled slow (its only state), beside one that saw both, instead of forming a single
     * state of its own whose multiple would be compared with other series' fast ones.
     */
    @Test
    void aSeriesThatRanOnlyInTheSlowStateIsLabelledSlowByItsBenchmarksStates() {
        FloorBlocks mixed = blocks(HostStatesTest.floors(10_000, 0.5, 9), 1.5, 2.2);
        List<FloorBlock> slowOnly = new ArrayList<>();
        SeriesName other = SeriesName.of("Q1Transports.roundTrip", Map.of("transport", "agrona"));
        for (int i = 0; i < 1000; i++) {
            slowOnly.add(new FloorBlock(1, 8, 1, i + 1, 100, 370 * 2.4, 100, 370));
        }
        FloorBlocks onlySlow = new FloorBlocks(other, slowOnly);
        Map<SeriesName, HostStates> states = HostStates.bySeries(List.of(mixed, onlySlow));
        assertTrue(states.get(other).two(), "decided over both series' blocks");
        SamePairMultiple m = SamePairMultiple.of(onlySlow, states.get(other), Optional.empty(), Optional.empty(), List.of());
        assertEquals(List.of(HostStates.SLOW), m.byState().stream().map(BlockMultiple::hostState).toList());
        assertEquals(2.4, m.byState().getFirst().multiple(), 1e-9);
        assertEquals(1.0, m.byState().getFirst().blockShare(), 1e-12);
    }

    @Test
    void withoutFloorLogThereIsNoP99Multiple() {
        SamePairMultiple m = alone(blocks(new double[]{130, 131, 129}, 2, 2), List.of(2.0, 2.5, 2.2));
        assertTrue(Double.isNaN(m.p99Multiple()));
        assertEquals(new Interval(2.0, 2.5), m.p99Interval(), "the rounds' range");
        assertEquals(3, m.rounds());
    }
}
