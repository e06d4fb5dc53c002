package io.shmbench.report;

/**
 * The median of a sample: its middle value, or the mean of the two middle values when the count is
 * even. Found by selection, not sorting, because the bootstrap takes a thousand medians of samples
 * of tens of thousands of blocks per series.
 */
public final class Median {
    private Median() {
    }

    /** The median of {@code values} (left as they are); NaN when there are none. */
    public static double of(double[] values) {
        return ofFirst(values.clone(), values.length);
    }

    /**
     * How far the median of {@code values} lies from the farthest of them: the error bar of a value
     * pooled over rounds, which must reach the slowest and the fastest round.
     */
    public static double reach(double[] values, double median) {
        double reach = 0;
        for (double v : values) {
            reach = Math.max(reach, Math.abs(v - median));
        }
        return reach;
    }

    /** The median of the first {@code n} elements of {@code work}, which it reorders; NaN when {@code n} is 0. */
    static double ofFirst(double[] work, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int upper = n / 2;
        double high = select(work, 0, n - 1, upper);
        if (n % 2 == 1) {
            return high;
        }
        // After selecting position n/2 everything before it is no larger: the lower middle is their largest.
        double low = work[0];
        for (int i = 1; i < upper; i++) {
            low = Math.max(low, work[i]);
        }
        return (low + high) / 2;
    }

    /**
     * Puts the k-th smallest of {@code a[from..to]} at {@code a[k]}, smaller ones before it and larger
     * ones after it, and returns it. Three-way partitioning, because block ratios of integer
     * nanoseconds repeat a lot and two-way partitioning degrades on many equal values.
     */
    private static double select(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            double pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    swap(a, lt++, i++);
                } else if (v > pivot) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
