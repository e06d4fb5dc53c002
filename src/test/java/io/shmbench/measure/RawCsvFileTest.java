package io.shmbench.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawCsvFileTest {
    @TempDir
    Path dir;

    @Test
    void appendsUnderOneHeaderAndQuotesWhatNeedsIt() throws Exception {
        RawCsvFile file = new RawCsvFile(dir.resolve("q.csv"), List.of("scenario", "value"));
        file.append(List.of(List.of("a, b", 1)));
        new RawCsvFile(file.file(), file.header()).append(List.of(List.of("c", 2), List.of("d", 3)));
        assertEquals("scenario,value\r\n\"a, b\",1\r\nc,2\r\nd,3\r\n", Files.readString(file.file()));
    }

    @Test
    void replaceLeavesOnlyTheNewRowsAndNoPartialFile() throws Exception {
        RawCsvFile file = new RawCsvFile(dir.resolve("q.csv"), List.of("x"));
        file.append(List.of(List.of("old")));
        file.replace(List.of(List.of("new")));
        file.replace(List.of(List.of("new")));
        assertEquals("x\r\nnew\r\n", Files.readString(file.file()));
        try (var entries = Files.list(dir)) {
            assertEquals(List.of("q.csv"), entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedNamingTheFile() {
        RawCsvFile file = new RawCsvFile(dir.resolve("q.csv"), List.of("a", "b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> file.append(List.of(List.of("1"))));
        assertTrue(e.getMessage().contains("q.csv needs 2 values [a, b], got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RawCsvFile(dir.resolve("e.csv"), List.of()));
    }
}
