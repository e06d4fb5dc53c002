package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.List;
import java.util.function.Predicate;

/**
 * The blocks of one round-trip series in the order they were measured: by round, fork (in the
 * order the forks ran), iteration and block. The order matters: neighbouring blocks share a host
 * state, which the interval of their median has to respect ({@link MovingBlockBootstrap}).
 */
public record FloorBlocks(SeriesName key, List<FloorBlock> blocks) {
    public FloorBlocks {
        blocks = List.copyOf(blocks);
    }

    public double[] ratios() {
        return blocks.stream().mapToDouble(FloorBlock::ratio).toArray();
    }

    public double[] floors() {
        return blocks.stream().mapToDouble(FloorBlock::floorP50Ns).toArray();
    }

    /** The blocks that pass {@code which}, still in the order measured. */
    public FloorBlocks only(Predicate<FloorBlock> which) {
        return new FloorBlocks(key, blocks.stream().filter(which).toList());
    }

    public int size() {
        return blocks.size();
    }
}
