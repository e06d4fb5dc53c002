package io.shmbench.report.chart;

/** Tick labels for sizes and slot counts: 1, 16, 512, 2K, 64K, 1M (binary multiples). */
public final class BinaryFormat extends TickFormat {
    private static final long serialVersionUID = 1L;
    private static final String[] PREFIXES = {"", "K", "M", "G"};

    @Override
    String label(double number) {
        long n = Math.round(number);
        int group = 0;
        while (n >= 1024 && n % 1024 == 0 && group < PREFIXES.length - 1) {
            n /= 1024;
            group++;
        }
        return n + PREFIXES[group];
    }
}
