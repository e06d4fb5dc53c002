package io.shmbench.report;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The clock's step, found in the recorded values, and the interval width it gives. */
class ClockTickTest {
    private static double[] onSteps(int step, int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // What this VM records: multiples of the step, some one nanosecond above.
            v[i] = step * (10 + r.nextInt(30)) + (r.nextInt(4) == 0 ? 1 : 0);
        }
        return v;
    }

    @Test
    void valuesOnTenNanosecondStepsGiveTen() {
        assertEquals(10, ClockTick.of(onSteps(10, 500, 1)));
        assertEquals(16, ClockTick.of(onSteps(16, 500, 2)));
    }

    @Test
    void aFewValuesOffTheStepDoNotHideIt() {
        double[] v = onSteps(10, 500, 3);
        v[0] = 133;
        v[1] = 147;
        v[2] = 255;
        assertEquals(10, ClockTick.of(v));
    }

    @Test
    void valuesOfEveryNanosecondGiveOne() {
        Random r = new Random(4);
        double[] v = new double[500];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + r.nextInt(400);
        }
        assertEquals(ClockTick.ONE_NS, ClockTick.of(v));
    }

    @Test
    void tooFewDistinctValuesToTellGiveOne() {
        double[] repeated = new double[300];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = new double[]{130, 260, 390}[i % 3];
        }
        assertEquals(ClockTick.ONE_NS, ClockTick.of(repeated));
    }

    @Test
    void aZeroWidthIntervalOfARatioGetsTheWidthTheStepResolves() {
        // 3900 ns over a 130 ns floor on a 10 ns clock: each known to 5 ns, the ratio to 5/3900 + 5/130 of itself.
        Interval widened = ClockTick.ratioAtLeast(new Interval(30, 30), 30, 3900, 130, 10);
        assertEquals(30 * (1 - 5.0 / 3900 - 5.0 / 130), widened.low(), 1e-9);
        assertEquals(30 * (1 + 5.0 / 3900 + 5.0 / 130), widened.high(), 1e-9);
    }

    @Test
    void aWiderIntervalIsKeptAndAnUnknownOneStaysUnknown() {
        Interval wide = new Interval(25, 35);
        assertEquals(wide, ClockTick.ratioAtLeast(wide, 30, 3900, 130, 10));
        assertEquals(new Interval(125, 135), ClockTick.timeAtLeast(new Interval(130, 130), 130, 10));
        assertEquals(Interval.NONE, ClockTick.ratioAtLeast(Interval.NONE, 30, 3900, 130, 10));
    }
}
