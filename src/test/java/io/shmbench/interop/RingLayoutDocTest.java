package io.shmbench.interop;

import io.shmbench.ring.Padding;
import io.shmbench.ring.RingLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/ring-layout.md, shmring.h and shmring.py say what {@link RingLayout} says. The document's
 * tables are parsed: every row's offset must be its named constant's value, the rows must tile the
 * header and the slot header without gap or overlap, and every offset constant of RingLayout must
 * have a row. The C and Python constants are matched to RingLayout by name
 * ({@code SHMRING_OFF_X} and {@code OFF_X} to {@code X_OFFSET}, {@code ..._SLOT_OFF_X} to
 * {@code SLOT_X_OFFSET}, the rest by their own names).
 */
class RingLayoutDocTest {
    private static final Path DOC = Path.of("docs/ring-layout.md");
    private static final Pattern C_DEFINE = Pattern.compile("^#define SHMRING_([A-Z_]+) (0x[0-9A-Fa-f]+|\\d+)(?:u|ULL)?(?: +/\\*.*\\*/)?$");
    private static final Pattern PY_ASSIGN = Pattern.compile("^([A-Z_]+) = (0x[0-9A-Fa-f]+|\\d+)(?: +#.*)?$");
    /** Constants the C header and Python module must repeat by name. */
    private static final Set<String> SHARED_CONSTANTS = Set.of("MAGIC", "LAYOUT_VERSION", "HEADER_SIZE", "SLOT_HEADER_SIZE",
            "MAX_SLOT_COUNT");

    record Row(long offset, long width, String field, String constant) {
    }

    @Test
    void theHeaderTableTilesTheHeaderAndMatchesRingLayout() throws IOException {
        List<Row> rows = rows(section("## Header"));
        assertFalse(rows.isEmpty(), "the header table");
        assertTiled(rows, 0, RingLayout.HEADER_SIZE, "header");
        Set<String> documented = new TreeSet<>();
        for (Row row : rows) {
            if (!row.constant().isEmpty()) {
                assertEquals(constant(row.constant()), row.offset(), row.field() + ": the document's offset is RingLayout." + row.constant());
                documented.add(row.constant());
            }
        }
        for (Field f : RingLayout.class.getFields()) {
            if (f.getName().endsWith("_OFFSET") && !f.getName().startsWith("SLOT_")) {
                assertTrue(documented.contains(f.getName()), "RingLayout." + f.getName() + " has a row in " + DOC);
            }
        }
    }

    @Test
    void theSlotTableTilesTheSlotHeaderAndMatchesRingLayout() throws IOException {
        List<Row> rows = rows(section("## Slot"));
        Row payload = rows.getLast();
        assertEquals("payload", payload.field());
        assertEquals(RingLayout.SLOT_HEADER_SIZE, payload.offset(), "the payload follows the slot header");
        assertTiled(rows.subList(0, rows.size() - 1), 0, RingLayout.SLOT_HEADER_SIZE, "slot header");
        for (Row row : rows) {
            if (!row.constant().isEmpty()) {
                assertEquals(constant(row.constant()), row.offset(), row.field() + ": RingLayout." + row.constant());
            }
        }
    }

    @Test
    void theReadIndexTableMatchesEveryPadding() throws IOException {
        Map<String, Long> offsets = new HashMap<>();
        for (String line : section("Where the read index sits")) {
            Matcher m = Pattern.compile("^\\| `([A-Z_0-9]+)` \\(\\d\\) \\| (\\d+) \\|.*").matcher(line);
            if (m.matches()) {
                offsets.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        for (Padding padding : Padding.values()) {
            assertEquals(RingLayout.readIndexOffset(padding), offsets.get(padding.name()), "read index offset of " + padding);
        }
    }

    @Test
    void theConstantsTableMatchesRingLayout() throws IOException {
        int checked = 0;
        for (String line : section("## Constants")) {
            Matcher m = Pattern.compile("^\\| [^|]+ \\| `?(0x[0-9A-F]+|\\d+)`? \\| `([A-Z_]+)` \\|$").matcher(line);
            if (m.matches()) {
                assertEquals(constant(m.group(2)), number(m.group(1)), "RingLayout." + m.group(2));
                checked++;
            }
        }
        assertTrue(checked >= 5, "the constants table has rows");
    }

    @Test
    void theCHeaderRepeatsRingLayout() throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(PeerProgram.C_SOURCES.resolve("shmring.h"))) {
            Matcher m = C_DEFINE.matcher(line);
            if (m.matches() && checkShared(m.group(1), number(m.group(2)), "shmring.h SHMRING_" + m.group(1))) {
                checked++;
            }
        }
        assertTrue(checked >= 20, "shmring.h defines the offsets (" + checked + " checked)");
    }

    @Test
    void thePythonModuleRepeatsRingLayout() throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(PeerProgram.PYTHON_MODULE)) {
            Matcher m = PY_ASSIGN.matcher(line);
            if (m.matches() && checkShared(m.group(1), number(m.group(2)), "shmring.py " + m.group(1))) {
                checked++;
            }
        }
        assertTrue(checked >= 20, "shmring.py defines the offsets (" + checked + " checked)");
    }

    /** Checks one C or Python constant whose name maps to RingLayout; false when it maps to none. */
    private static boolean checkShared(String name, long value, String where) {
        String java;
        if (name.startsWith("SLOT_OFF_")) {
            java = "SLOT_" + name.substring("SLOT_OFF_".length()) + "_OFFSET";
        } else if (name.startsWith("OFF_")) {
            java = name.substring("OFF_".length()) + "_OFFSET";
        } else if (SHARED_CONSTANTS.contains(name)) {
            java = name;
        } else {
            return false;
        }
        assertEquals(constant(java), value, where + " is RingLayout." + java);
        return true;
    }

    private static void assertTiled(List<Row> rows, long start, long end, String what) {
        long at = start;
        for (Row row : rows) {
            assertEquals(at, row.offset(), what + " row '" + row.field() + "' starts where the previous row ends");
            at += row.width();
        }
        assertEquals(end, at, "the " + what + " rows end at " + end);
    }

    private static long constant(String name) {
        try {
            return ((Number) RingLayout.class.getField(name).get(null)).longValue();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("RingLayout has no constant " + name, e);
        }
    }

    private static long number(String text) {
        return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
    }

    /** The lines from the one starting with {@code heading} to the next heading. */
    private static List<String> section(String heading) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith(heading)) {
                in = true;
                continue;
            }
            if (in && line.startsWith("#")) {
                break;
            }
            if (in) {
                out.add(line);
            }
        }
        assertFalse(out.isEmpty(), DOC + " has a section '" + heading + "'");
        return out;
    }

    /** The rows of the first offset/width table in {@code lines}: offset, width (a number, or the rest of the slot), field, constant. */
    private static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[1].strip().matches("\\d+")) {
                continue;
            }
            String width = cells[2].strip();
            String constant = cells[4].strip().replace("`", "");
            rows.add(new Row(Long.parseLong(cells[1].strip()), width.matches("\\d+") ? Long.parseLong(width) : -1,
                    cells[3].strip(), constant.equals("—") ? "" : constant));
        }
        return rows;
    }
}
