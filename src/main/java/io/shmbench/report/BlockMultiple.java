package io.shmbench.report;

/**
 * A series' p50 as a multiple of its same-pair floor over a set of its blocks (all of them, or
 * those of one host state): the median of the blocks' ratios, with the moving-block bootstrap's
 * 95% interval over them in the order measured, widened to at least what the clock's step resolves
 * ({@link ClockTick}).
 *
 * @param hostState  {@link HostStates#ALL}, {@link HostStates#FAST} or {@link HostStates#SLOW}
 * @param blockShare the share of the series' blocks in this set (1 for all)
 * @param floorP50Ns the median of the blocks' floors, ns
 */
public record BlockMultiple(String hostState, int blocks, double blockShare, double floorP50Ns, double multiple,
                            Interval interval) {

    /**
     * The multiple over {@code blocks}, out of {@code allBlocks} blocks of the series.
     *
     * @param clockStepNs the step of the run's recorded times ({@link ClockTick#ofBlocks})
     */
    public static BlockMultiple of(String hostState, FloorBlocks blocks, int allBlocks, double clockStepNs) {
        double[] ratios = blocks.ratios();
        double multiple = Median.of(ratios);
        double floor = Median.of(blocks.floors());
        Interval interval = ClockTick.ratioAtLeast(MovingBlockBootstrap.medianInterval(ratios), multiple,
                Median.of(blocks.seriesP50s()), floor, clockStepNs);
        return new BlockMultiple(hostState, blocks.size(), allBlocks == 0 ? Double.NaN : (double) blocks.size() / allBlocks,
                floor, multiple, interval);
    }
}
