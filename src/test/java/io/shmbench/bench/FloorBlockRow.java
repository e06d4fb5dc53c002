package io.shmbench.bench;

import io.shmbench.measure.FloorBlockFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One row of a raw blocks file ({@link FloorBlockFile}), read back for the tests' checks. */
record FloorBlockRow(int round, long fork, int iteration, int block, int seriesRoundTrips, long seriesP50Ns,
                     int floorRoundTrips, long floorP50Ns) {

    static List<FloorBlockRow> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<FloorBlockRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderNames().equals(FloorBlockFile.COLUMNS)) {
                throw new AssertionError(file + " has columns " + parser.getHeaderNames() + ", expected " + FloorBlockFile.COLUMNS);
            }
            for (CSVRecord r : parser) {
                rows.add(new FloorBlockRow(Integer.parseInt(r.get(FloorBlockFile.ROUND)), Long.parseLong(r.get(FloorBlockFile.FORK)),
                        Integer.parseInt(r.get(FloorBlockFile.ITERATION)), Integer.parseInt(r.get(FloorBlockFile.BLOCK)),
                        Integer.parseInt(r.get(FloorBlockFile.SERIES_ROUND_TRIPS)), Long.parseLong(r.get(FloorBlockFile.SERIES_P50_NS)),
                        Integer.parseInt(r.get(FloorBlockFile.FLOOR_ROUND_TRIPS)), Long.parseLong(r.get(FloorBlockFile.FLOOR_P50_NS))));
            }
        }
        return rows;
    }
}
