package io.shmbench.report.figure;

import io.shmbench.report.FloorBlock;

import java.util.List;

/** Lets tests in io.shmbench.report reach the block figures' subsampling. */
public final class FloorBlockFiguresAccess {
    private FloorBlockFiguresAccess() {
    }

    public static List<FloorBlock> subsample(List<FloorBlock> blocks, int cap) {
        return FloorBlockFigures.subsample(blocks, cap);
    }
}
