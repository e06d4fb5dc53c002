package io.shmbench.gate;

/**
 * A series' same-pair p50 multiple over the blocks of one host state (a row of floor_multiples.csv):
 * {@code all} for every block, {@code fast} and {@code slow} when the blocks fell into two states.
 *
 * @param floorNs the median floor of those blocks: which state it was, comparable across runs
 */
public record StateMultiple(String state, double floorNs, double share, Estimate multiple) {
}
