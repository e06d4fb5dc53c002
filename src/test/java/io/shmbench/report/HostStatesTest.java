package io.shmbench.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splitting block floors into host states: Otsu's cut and the rule that keeps two states only when they are real. */
class HostStatesTest {
    @Test
    void otsuCutsBetweenTwoClusters() {
        double t = OtsuThreshold.of(new double[]{1, 1.1, 0.9, 1, 5, 5.2, 4.9});
        assertTrue(t > 1.1 && t < 4.9, "threshold " + t);
        assertEquals(3.0, OtsuThreshold.of(new double[]{2, 4}));
        assertTrue(Double.isNaN(OtsuThreshold.of(new double[]{3, 3, 3})), "no cut between equal values");
        assertTrue(Double.isNaN(OtsuThreshold.of(new double[0])));
    }

    @Test
    void bimodalFloorsGiveAFastAndASlowState() {
        double[] floors = floors(10_000, 0.30, 1);
        HostStates s = HostStates.of(floors);
        assertTrue(s.two());
        assertTrue(s.thresholdNs() > 180 && s.thresholdNs() < 300, "threshold " + s.thresholdNs());
        long slow = Arrays.stream(floors).filter(f -> s.stateOf(f).equals(HostStates.SLOW)).count();
        assertEquals(0.30, slow / 10_000.0, 0.001);
        assertEquals(HostStates.FAST, s.stateOf(130));
        assertEquals(HostStates.SLOW, s.stateOf(370));
    }

    @Test
    void unimodalFloorsGiveOneState() {
        Random r = new Random(2);
        double[] floors = new double[5000];
        for (int i = 0; i < floors.length; i++) {
            floors[i] = 130 * Math.exp(0.15 * r.nextGaussian());
        }
        HostStates s = HostStates.of(floors);
        assertFalse(s.two(), "Otsu always finds a cut; the medians of its halves are too close to be two states");
        assertEquals(HostStates.ALL, s.stateOf(500));
    }

    @Test
    void aSmallSlowMinorityIsNotAState() {
        assertFalse(HostStates.of(floors(10_000, 0.03, 3)).two(), "3% slow blocks");
        assertTrue(HostStates.of(floors(10_000, 0.06, 3)).two(), "6% slow blocks");
    }

    @Test
    void identicalFloorsAreOneState() {
        assertFalse(HostStates.of(new double[]{200, 200, 200}).two());
        assertFalse(HostStates.of(new double[0]).two());
    }

    /** Floors around 130 ns (fast) and 370 ns (slow), a share {@code slowShare} of them slow, with 5% noise. */
    static double[] floors(int n, double slowShare, long seed) {
        Random r = new Random(seed);
        double[] f = new double[n];
        int slow = (int) Math.round(n * slowShare);
        for (int i = 0; i < n; i++) {
            f[i] = (i < slow ? 370 : 130) * Math.exp(0.05 * r.nextGaussian());
        }
        return f;
    }
}
