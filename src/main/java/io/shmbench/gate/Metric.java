package io.shmbench.gate;

/**
 * One number of a run that the gate can compare: which series it belongs to (the benchmark and its
 * parameters, as text), what it is ({@code p99_x_floor}, {@code msgs_per_s}), its estimate, which
 * way is better, and whether it is absolute.
 *
 * @param absolute true for a value that moves with the machine and its load (a time, a rate, a
 *                 multiple of a floor measured in another fork): compared only on the same kind of
 *                 machine and only when asked; false for a same-pair ratio, measured against a
 *                 yardstick taken by the same processes at the same moment
 */
public record Metric(String series, String name, Estimate estimate, Direction direction, boolean absolute) {
    /** {@code series name}: what {@code --metrics} matches and the table shows. */
    public String id() {
        return series + " " + name;
    }
}
