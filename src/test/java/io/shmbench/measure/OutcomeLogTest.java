package io.shmbench.measure;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutcomeLogTest {
    @TempDir
    Path dir;

    @Test
    void appendsRowsUnderOneHeaderQuotingCommas() throws Exception {
        OutcomeLog log = new OutcomeLog(dir.resolve("outcomes.csv"));
        log.append("io.shmbench.bench.Q2MemoryOrders.roundTrip", "memoryOrder=PLAIN,slots=64", Outcome.TIMED_OUT,
                "no echo within 30 s");
        new OutcomeLog(dir.resolve("outcomes.csv")).append("io.shmbench.bench.Q1Transports.roundTrip",
                "messageBytes=65536,transport=mq", Outcome.UNSUPPORTED, "message larger than msgsize_max 8192");

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(log.file())) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }

        assertEquals(2, rows.size());
        assertEquals("memoryOrder=PLAIN,slots=64", rows.get(0).get("params"));
        assertEquals("timed out", rows.get(0).get("status"));
        assertEquals("unsupported", rows.get(1).get("status"));
        assertEquals("message larger than msgsize_max 8192", rows.get(1).get("detail"));
    }

    @Test
    void aMissingDetailIsAnEmptyField() throws Exception {
        // callers pass exception messages, which may be null
        OutcomeLog log = new OutcomeLog(dir.resolve("outcomes.csv"));
        log.append("io.shmbench.bench.Q1Transports.roundTrip", "transport=tcp", Outcome.FAILED, null);

        assertEquals(List.of("benchmark,params,status,detail", "io.shmbench.bench.Q1Transports.roundTrip,transport=tcp,failed,"),
                Files.readAllLines(log.file()));
    }
}
