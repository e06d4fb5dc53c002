package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sink's report read back as a record or checked in place, and refused at the wrong length. */
class SinkReportTest {
    @Test
    void aReportWrittenInPlaceReadsBackAndIsCheckedWithoutARecord() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocate(SinkReport.SIZE);
            SinkReport.write(message, 1024, 0xCAFEBABEL);
            assertEquals(new SinkReport(1024, 0xCAFEBABEL), SinkReport.read(message, SinkReport.SIZE));
            assertTrue(SinkReport.says(message, SinkReport.SIZE, 1024, 0xCAFEBABEL));
            assertFalse(SinkReport.says(message, SinkReport.SIZE, 1023, 0xCAFEBABEL), "another count");
            assertFalse(SinkReport.says(message, SinkReport.SIZE, 1024, 0xCAFEBABFL), "another checksum");
            ChannelException e = assertThrows(ChannelException.class, () -> SinkReport.says(message, 8, 1024, 0xCAFEBABEL));
            assertTrue(e.getMessage().contains("got a message of 8 bytes"), e.getMessage());
        }
    }
}
