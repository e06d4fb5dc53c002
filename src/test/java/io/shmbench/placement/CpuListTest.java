package io.shmbench.placement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuListTest {
    @Test
    void parsesSinglesAndRanges() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CpuList.parse("0-3,8,10-11"));
        assertEquals(List.of(5), CpuList.parse("5"));
        assertEquals(List.of(7), CpuList.parse("7-7"));
    }

    @Test
    void toleratesTheTrailingNewlineSysfsWrites() {
        assertEquals(List.of(0, 1), CpuList.parse("0-1\n"));
        assertEquals(List.of(0, 1), CpuList.parse("  0-1 \n"));
    }

    @Test
    void blankIsTheEmptySetOfAMemoryOnlyNode() {
        assertEquals(List.of(), CpuList.parse(""));
        assertEquals(List.of(), CpuList.parse("\n"));
    }

    @Test
    void sortsAndMergesOverlaps() {
        assertEquals(List.of(0, 1, 2, 8), CpuList.parse("8,1-2,0-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0-", "-1", "0,,1", "0,", "1 2", "0-1:2/4", "0x3", "1-2-3", "+1"})
    void rejectsWhatIsNotACpuListNamingTheItem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse(text));
        assertTrue(e.getMessage().contains("is not a CPU list"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text.strip() + "'"), e.getMessage());
    }

    @Test
    void rejectsABackwardsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse("0,3-1"));
        assertTrue(e.getMessage().contains("range '3-1' ends before it starts"), e.getMessage());
    }

    @Test
    void rejectsCpuNumbersNoKernelHasInsteadOfExhaustingTheHeap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse("0-2000000000"));
        assertTrue(e.getMessage().contains("2000000000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("99999999999"));
    }

    @Test
    void formatsInTheKernelsCompactForm() {
        assertEquals("0-3,8,10-11", CpuList.format(List.of(11, 0, 1, 2, 3, 8, 10)));
        assertEquals("5", CpuList.format(List.of(5)));
        assertEquals("0,2", CpuList.format(List.of(0, 2)));
        assertEquals("", CpuList.format(List.of()));
    }

    @Test
    void formatAndParseRoundTrip() {
        List<Integer> cpus = List.of(0, 1, 2, 4, 6, 7, 8, 63, 64, 65, 1023);
        assertEquals(cpus, CpuList.parse(CpuList.format(cpus)));
    }

    @Test
    void readNamesTheFileItCannotParse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("online");
        Files.writeString(file, "0-3,x\n");
        TopologyException e = assertThrows(TopologyException.class, () -> CpuList.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void readNamesAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("cpulist");
        TopologyException e = assertThrows(TopologyException.class, () -> CpuList.read(file));
        assertTrue(e.getMessage().contains(file + ": the file does not exist"), e.getMessage());
    }
}
