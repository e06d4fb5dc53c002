package io.shmbench.bench;

import io.shmbench.measure.QuestionCsv;
import io.shmbench.measure.RunDirectory;
import io.shmbench.placement.FakeSysfs;
import io.shmbench.placement.Topology;
import io.shmbench.report.CoreLatency;
import io.shmbench.report.FaultObservation;
import io.shmbench.report.PlacementAvailability;
import io.shmbench.report.QuestionCsvReader;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows of Q6's and Q7's raw CSV files, built from fabricated topologies and values, and read
 * back with the reporter's own reader: what the benchmarks write is what the reporter expects.
 */
class QuestionTablesTest {
    @TempDir
    Path root;

    @Test
    void placementsOfOneNodeTwoCoresListTheUnavailableWithTheirReason() {
        Topology t = FakeSysfs.oneNodeTwoCores(root.resolve("sys")).read();
        List<List<String>> rows = PlacementTable.rows(t);
        assertEquals(List.of("same-core", "smt-sibling", "cross-core", "cross-node", "cross-node-remote-memory"),
                rows.stream().map(r -> r.get(0)).toList(), "every placement, none dropped");
        assertEquals(List.of("true", "false", "true", "false", "false"), rows.stream().map(r -> r.get(1)).toList());
        assertEquals("", rows.get(0).get(2));
        assertTrue(rows.get(1).get(2).startsWith("needs SMT siblings"), rows.get(1).get(2));
        assertEquals("needs 2 NUMA nodes with usable CPUs; this host has 1 node (usable CPUs: node0 0-1 on 2 cores)",
                rows.get(3).get(2));
    }

    @Test
    void placementsOfTwoNodesWithSmtAreAllAvailable() {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root.resolve("sys")).read();
        assertTrue(PlacementTable.rows(t).stream().allMatch(r -> r.get(1).equals("true") && r.get(2).isEmpty()));
    }

    @Test
    void placementsFileIsReplacedWholeAndReadsBack() throws Exception {
        Topology t = FakeSysfs.twoSocketsEightCoresSmt(root.resolve("sys")).allowed("0-7").read();
        try (RunDirectoryFixture run = RunDirectoryFixture.at(root.resolve("run"))) {
            PlacementTable.write(t);
            PlacementTable.write(t); // every Q6 fork writes it; the file holds one copy
            List<PlacementAvailability> read = QuestionCsvReader.placements(run.raw(QuestionCsv.Q6_PLACEMENTS.fileName()));
            assertEquals(5, read.size());
            PlacementAvailability smt = read.get(1);
            assertEquals("smt-sibling", smt.name());
            assertEquals(false, smt.available());
            assertTrue(smt.reason().contains("usable CPUs 0-7 include no two threads of one core"), smt.reason());
        }
    }

    @Test
    void coreMatrixRowsCarryPercentilesOrNothing() throws Exception {
        Histogram roundTrips = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            roundTrips.recordValue(i * 10L);
        }
        assertEquals(List.of("0", "16", "500", "990"), CoreMatrixTable.row(0, 16, roundTrips));
        assertEquals(Optional.of(List.of("3", "11", "", "")), CoreMatrixTable.rowFor("3:11", new Histogram(3)),
                "a pair that could not be measured keeps its cell, empty");
        assertEquals(Optional.empty(), CoreMatrixTable.rowFor("3,11", roundTrips));
        try (RunDirectoryFixture run = RunDirectoryFixture.at(root.resolve("run"))) {
            CoreMatrixTable.append(CoreMatrixTable.row(0, 16, roundTrips));
            CoreMatrixTable.rowFor("3:11", new Histogram(3)).ifPresent(CoreMatrixTable::append);
            List<CoreLatency> read = QuestionCsvReader.coreMatrix(run.raw(QuestionCsv.Q6_CORE_MATRIX.fileName()));
            assertEquals(2, read.size());
            assertEquals(new CoreLatency(0, 16, 500, 990), read.get(0));
            assertTrue(Double.isNaN(read.get(1).p50Ns()) && Double.isNaN(read.get(1).p99Ns()));
        }
    }

    @Test
    void faultRowsNameTheirUnitAndReadBack() throws Exception {
        FaultTable table = new FaultTable();
        table.add(Q7Faults.KILL, 1, "detection_ns", 4_200_000).add(Q7Faults.DOUBLE_BUFFER, 1, "torn_delivered_count", 17);
        assertEquals(List.of(List.of(Q7Faults.KILL, "1", "detection_ns", "4200000"),
                List.of(Q7Faults.DOUBLE_BUFFER, "1", "torn_delivered_count", "17")), table.rows());
        assertThrows(IllegalArgumentException.class, () -> table.add(Q7Faults.KILL, 1, "detection_ms", 4));
        assertThrows(IllegalArgumentException.class, () -> table.add(Q7Faults.KILL, 0, "detection_ns", 4));
        assertThrows(IllegalArgumentException.class, () -> table.add(" ", 1, "detection_ns", 4));

        try (RunDirectoryFixture run = RunDirectoryFixture.at(root.resolve("run"))) {
            table.flush();
            table.flush(); // nothing left: no second copy
            new FaultTable().add(Q7Faults.KILL, 2, "detection_ns", 3_900_000).flush();
            List<FaultObservation> read = QuestionCsvReader.faults(run.raw(QuestionCsv.Q7_FAULTS.fileName()));
            assertEquals(List.of(new FaultObservation(Q7Faults.KILL, 1, "detection_ns", 4_200_000),
                    new FaultObservation(Q7Faults.DOUBLE_BUFFER, 1, "torn_delivered_count", 17),
                    new FaultObservation(Q7Faults.KILL, 2, "detection_ns", 3_900_000)), read);
        }
    }

    @Test
    void outsideARunNothingIsWritten() throws IOException {
        assertNull(System.getProperty(RunDirectory.PROPERTY), "no run directory is set here");
        Path workingDirectory = Path.of("").toAbsolutePath();
        Set<Path> before = listed(workingDirectory);

        new FaultTable().add(Q7Faults.KILL, 1, "detection_ns", 1).flush();
        CoreMatrixTable.append(List.of("0", "1", "", ""));
        PlacementTable.write(FakeSysfs.oneNodeTwoCores(root.resolve("sys")).read());

        assertEquals(before, listed(workingDirectory), "no raw/ or table appears where a relative path would land");
        assertEquals(List.of("sys"), List.of(root.toFile().list()));
    }

    private static Set<Path> listed(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.collect(Collectors.toSet());
        }
    }
}
