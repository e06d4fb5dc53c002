package io.shmbench.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expectations the figures draw, and the document that explains them, say the same. */
class ExpectationsTest {
    @Test
    void theSizingRulePredictsTheLossMeasuredAtFourTimesTheReadersRate() {
        // Measured with a reader draining every slot per wake-up at W/R = 4: 0.75, 0.50, 0.007, 0.
        assertEquals(0.75, Expectations.overwriteLoss(1, 4), 1e-12);
        assertEquals(0.50, Expectations.overwriteLoss(2, 4), 1e-12);
        assertEquals(0.0, Expectations.overwriteLoss(4, 4), 1e-12);
        assertEquals(0.0, Expectations.overwriteLoss(64, 4), 1e-12);
        assertEquals(0.2, Expectations.overwriteLoss(1, 1.25), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Expectations.overwriteLoss(0, 4));
        assertThrows(IllegalArgumentException.class, () -> Expectations.overwriteLoss(4, Double.NaN));
    }

    @Test
    void everyTransportHasAMechanismAndARoundTripIsTwoOneWays() {
        for (String t : new String[]{"pipe", "fifo", "uds", "tcp", "mq", "shm-ring", "agrona", "chronicle-queue",
                "chronicle-style", "floor"}) {
            assertTrue(Expectations.mechanismOf(t).isPresent(), t);
        }
        assertEquals(20_000, Expectations.mechanismOf("fifo").orElseThrow().roundTripNs());
        assertTrue(Expectations.mechanismOf("carrier-pigeon").isEmpty());
    }

    @Test
    void theTheoryDocumentStatesTheSameNumbers() throws Exception {
        String theory = Files.readString(Path.of("docs/THEORY.md"));
        String table = theory.substring(theory.indexOf("## Expectations drawn on the figures"));
        for (Expectations.Mechanism m : Expectations.MECHANISMS) {
            String us = io.shmbench.report.Cells.number(m.oneWayNs() / 1000);
            assertTrue(table.contains("~" + us + " us"), m.name() + " one way ~" + us + " us is not in THEORY.md's table");
        }
        assertTrue(table.contains("~" + (int) Expectations.RING_WRITE_NS + " ns"));
        assertTrue(table.contains("~" + (int) Expectations.RING_READ_NS + " ns"));
        assertTrue(table.contains(Expectations.SIDE_ALONE_BYTES + " B"));
        assertTrue(table.contains("max(0, 1 - S R / W)"));
        assertTrue(table.contains("io.shmbench.report.Expectations"), "the document names where the figures take them from");
    }
}
