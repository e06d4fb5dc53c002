package io.shmbench.report;

import io.shmbench.transport.Transports;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expectations the figures draw, and the document that explains them, say the same. */
class ExpectationsTest {
    @Test
    void everyTransportHasAMechanismAndARoundTripIsTwoOneWays() {
        for (String t : Transports.names()) {
            assertTrue(Expectations.mechanismOf(t).isPresent(), t + " (registered in Transports) has no mechanism in Expectations");
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
            String row = table.lines().filter(line -> line.contains("| ~" + us + " us |")).findFirst()
                    .orElseThrow(() -> new AssertionError(m.name() + " one way ~" + us + " us is not in THEORY.md's table"));
            List<String> named = Pattern.compile("`([a-z-]+)`").matcher(row).results().map(r -> r.group(1)).toList();
            assertEquals(m.transports(), named, "the transports THEORY.md's table names for " + m.name());
        }
        assertTrue(table.contains("~" + (int) Expectations.RING_WRITE_NS + " ns"));
        assertTrue(table.contains("~" + (int) Expectations.RING_READ_NS + " ns"));
        assertTrue(table.contains(Expectations.SIDE_ALONE_BYTES + " B"));
        assertTrue(table.contains("max(0, 1 - S R / W)"));
        assertTrue(table.contains("io.shmbench.report.Expectations"), "the document names where the figures take them from");
    }
}
