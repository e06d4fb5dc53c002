package io.shmbench.report;

import io.shmbench.measure.FloorBlockFile;
import io.shmbench.measure.SeriesName;
import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code raw/blocks/*.csv}. A file that does not hold what {@link FloorBlockFile} defines
 * (a missing column, a value that is not a number, a count or median that is not positive, a block
 * listed twice, a round that raw/rounds.csv does not know) is reported naming the file and line and
 * left out; the other files are read.
 */
public final class FloorBlockReader {
    private FloorBlockReader() {
    }

    /** Every blocks file of {@code files} that can be used, in series order. */
    public static List<FloorBlocks> readAll(List<Path> files, RoundRuns rounds, Problems problems) {
        List<FloorBlocks> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(read(file, rounds));
            } catch (BadInputException e) {
                problems.error(e);
            }
        }
        out.sort(Comparator.comparing(FloorBlocks::key, SeriesOrder.KEYS));
        return out;
    }

    public static FloorBlocks read(Path file, RoundRuns rounds) throws BadInputException {
        SeriesName key = LatencyLogReader.keyOf(file, SeriesName.CSV_SUFFIX);
        RawCsv csv = RawCsv.read(file, FloorBlockFile.COLUMNS);
        List<FloorBlock> blocks = new ArrayList<>();
        Map<Long, Integer> forkOrder = new HashMap<>();
        Set<List<Long>> seen = new HashSet<>();
        for (CSVRecord r : csv.records()) {
            int round = (int) csv.positiveInteger(r, FloorBlockFile.ROUND);
            if (rounds.present() && !rounds.numbers().contains(round)) {
                throw csv.error(r, "round " + round + " is not a round of raw/rounds.csv (it lists rounds "
                        + rounds.numbers() + ")");
            }
            FloorBlock b = new FloorBlock(round, csv.positiveInteger(r, FloorBlockFile.FORK),
                    (int) csv.positiveInteger(r, FloorBlockFile.ITERATION), (int) csv.positiveInteger(r, FloorBlockFile.BLOCK),
                    csv.positiveInteger(r, FloorBlockFile.SERIES_ROUND_TRIPS), csv.positiveNumber(r, FloorBlockFile.SERIES_P50_NS),
                    csv.positiveInteger(r, FloorBlockFile.FLOOR_ROUND_TRIPS), csv.positiveNumber(r, FloorBlockFile.FLOOR_P50_NS));
            if (!seen.add(List.of((long) b.round(), b.fork(), (long) b.iteration(), (long) b.block()))) {
                throw csv.error(r, "round " + b.round() + ", fork " + b.fork() + ", iteration " + b.iteration()
                        + ", block " + b.block() + " is listed twice");
            }
            forkOrder.putIfAbsent(b.fork(), forkOrder.size());
            blocks.add(b);
        }
        // Forks append to the file as they run, so a fork's first row tells when it ran; its pid does not.
        blocks.sort(Comparator.comparingInt(FloorBlock::round)
                .thenComparingInt(b -> forkOrder.get(b.fork()))
                .thenComparingInt(FloorBlock::iteration)
                .thenComparingInt(FloorBlock::block));
        return new FloorBlocks(key, blocks);
    }
}
