package io.shmbench.bench;

import io.shmbench.measure.QuestionCsv;
import io.shmbench.report.LossObservation;
import io.shmbench.report.QuestionCsvReader;
import io.shmbench.ring.LapPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** raw/q3_overwrite_loss.csv as the reporter reads it: header once, one row per trial, empty staleness when unknown. */
class OverwriteLossLogTest {
    @TempDir
    Path dir;

    @Test
    void rowsFromSeveralWritersReadBackThroughTheReporter() throws Exception {
        Path file = dir.resolve(QuestionCsv.Q3_OVERWRITE_LOSS.fileName());
        new OverwriteLossLog(file).append(new OverwriteLoss(4, 1.25, LapPolicy.NEWEST, 313, 300, 13, 450_000.4, 990_000.6));
        new OverwriteLossLog(file).append(new OverwriteLoss(1, 4.0, LapPolicy.OLDEST, 1000, 0, 1000, Double.NaN, Double.NaN));

        assertEquals(3, Files.readAllLines(file).size(), "one header and two rows");
        assertEquals(String.join(",", QuestionCsv.Q3_OVERWRITE_LOSS.columns()), Files.readAllLines(file).getFirst());
        List<LossObservation> rows = QuestionCsvReader.loss(file);
        assertEquals(2, rows.size());
        LossObservation first = rows.getFirst();
        assertEquals(4, first.slots());
        assertEquals(1.25, first.rateRatio());
        assertEquals(313, first.written());
        assertEquals(300, first.delivered());
        assertEquals(13, first.missed());
        assertEquals(13 / 313.0, first.lossFraction(), 1e-12);
        assertEquals(450_000, first.stalenessP50Ns());
        assertEquals(990_001, first.stalenessP99Ns());
        assertEquals(1.0, rows.get(1).lossFraction());
        assertEquals("newest", first.lapPolicy());
        assertEquals("oldest", rows.get(1).lapPolicy());
        assertTrue(Double.isNaN(rows.get(1).stalenessP99Ns()), "unknown staleness stays unknown");
    }
}
