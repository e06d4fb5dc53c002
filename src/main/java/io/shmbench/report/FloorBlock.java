package io.shmbench.report;

/**
 * One row of {@code raw/blocks/<series>.csv} ({@link io.shmbench.measure.FloorBlockFile}): a block
 * of the series' round trips and the block of floor round trips the same two processes made right
 * after it, each by its median.
 *
 * @param fork the JMH fork's pid
 */
public record FloorBlock(int round, long fork, int iteration, int block, long seriesRoundTrips, double seriesP50Ns,
                         long floorRoundTrips, double floorP50Ns) {

    /** The series' multiple of the floor during this block. */
    public double ratio() {
        return seriesP50Ns / floorP50Ns;
    }
}
