package io.shmbench.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedianTest {
    @Test
    void middleValueOrMeanOfTheTwoMiddleOnes() {
        assertEquals(3, Median.of(new double[]{5, 1, 3}));
        assertEquals(2.5, Median.of(new double[]{4, 1, 3, 2}));
        assertEquals(7, Median.of(new double[]{7}));
        assertTrue(Double.isNaN(Median.of(new double[0])));
    }

    @Test
    void leavesItsInputAlone() {
        double[] v = {3, 1, 2};
        Median.of(v);
        assertArrayEquals(new double[]{3, 1, 2}, v);
    }

    @Test
    void agreesWithSortingOnManyEqualValues() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] v = new double[1 + r.nextInt(300)];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextInt(5); // few distinct values, as block ratios of integer nanoseconds
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(expected, Median.of(v), Arrays.toString(v));
        }
    }
}
