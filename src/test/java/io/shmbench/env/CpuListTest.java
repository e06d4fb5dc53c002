package io.shmbench.env;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuListTest {
    @Test
    void parsesRangesAndSingles() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CpuList.parse("0-3,8,10-11\n"));
        assertEquals(List.of(5), CpuList.parse("5"));
        assertEquals(List.of(), CpuList.parse("  "));
    }

    @Test
    void rejectsGarbageNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse("0-x"));
        assertTrue(e.getMessage().contains("0-x"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("4-2"));
    }
}
