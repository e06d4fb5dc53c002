package io.shmbench.report;

import java.util.Arrays;

/**
 * Otsu's threshold (Otsu 1979) for a sample: the cut that splits the sorted values into a low and a
 * high class with the largest between-class variance {@code w0 * w1 * (mean0 - mean1)^2}, where
 * {@code w} are the classes' shares. Every cut between two distinct neighbouring values is tried
 * (no histogram bins to choose), which with prefix sums costs one sort.
 */
public final class OtsuThreshold {
    private OtsuThreshold() {
    }

    /**
     * The threshold: halfway between the largest value of the low class and the smallest of the high
     * class. NaN when there is no cut (fewer than two distinct values).
     */
    public static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double total = 0;
        for (double x : v) {
            total += x;
        }
        double best = -1;
        double threshold = Double.NaN;
        double lowSum = 0;
        for (int i = 0; i < n - 1; i++) {
            lowSum += v[i];
            if (v[i] == v[i + 1]) {
                continue; // equal values stay in one class
            }
            int lowCount = i + 1;
            double w0 = (double) lowCount / n;
            double w1 = 1 - w0;
            double diff = lowSum / lowCount - (total - lowSum) / (n - lowCount);
            double between = w0 * w1 * diff * diff;
            if (between > best) {
                best = between;
                threshold = (v[i] + v[i + 1]) / 2;
            }
        }
        return threshold;
    }
}
