package io.shmbench.interop;

import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingImage;
import io.shmbench.ring.RingLayout;
import io.shmbench.ring.RingMode;
import io.shmbench.shm.SharedSegment;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C and Python programs, writer and reader, given a segment that is not a ring they may use:
 * each refuses it with a message naming the file and the problem, exits 3, and leaves the file as
 * it was. The damaged rings are {@link RingImage}s, as the Java side's own bad-input tests use. A
 * slot with a length no writer commits passes the header checks and is refused when read (exit 1).
 */
@ExtendWith(NoLeaks.class)
class MalformedRingPeersTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int SLOTS = 4;
    private static final int PAYLOAD = 48;
    private static RingImage valid;

    record Damage(String name, UnaryOperator<RingImage> damage, String problem) {
    }

    @BeforeAll
    static void validImage() {
        valid = RingImage.of(SharedSegment.DEFAULT_DIR, RingConfig.of(SLOTS, PAYLOAD));
    }

    static List<Damage> damages() {
        return List.of(
                new Damage("bad magic", i -> i.putLong(RingLayout.MAGIC_OFFSET, 0x4141_4141_4141_4141L), "bad magic 0x4141414141414141"),
                new Damage("layout version from the future", i -> i.putInt(RingLayout.VERSION_OFFSET, 2), "layout version 2"),
                new Damage("slot count 0", i -> i.putInt(RingLayout.SLOT_COUNT_OFFSET, 0), "slot count 0 is outside 1.."),
                new Damage("slot size not a multiple of 8", i -> i.putInt(RingLayout.SLOT_SIZE_OFFSET, 100), "slot size 100 must be a multiple of 8"),
                new Damage("unknown mode", i -> i.putByte(RingLayout.MODE_OFFSET, 7), "mode 7"),
                new Damage("file shorter than the header says", i -> i.resize(i.length() - 64), "(truncated?)"),
                new Damage("file shorter than a header", i -> i.resize(100), "truncated: 100 bytes, a ring header alone needs 512"),
                new Damage("empty file", i -> i.resize(0), "truncated: 0 bytes"),
                new Damage("a foreign file (text)", i -> i.resize(0).resize(768).putLong(0, 0x0A68732F6E69622FL), "not a shmbench ring"),
                new Damage("read index beyond the write index", i -> i.putLong(RingLayout.WRITE_INDEX_OFFSET, 3)
                        .putLong(i.readIndexOffset(), 5), "read index 5 is beyond the write index 3"));
    }

    @TestFactory
    Stream<DynamicTest> everyPeerRefusesEveryDamagedRing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Damage damage : damages()) {
            for (PeerProgram program : PeerProgram.values()) {
                for (String side : List.of("writer", "reader")) {
                    tests.add(DynamicTest.dynamicTest(program + " " + side + ": " + damage.name(), () -> {
                        byte[] bytes = damage.damage().apply(valid.copy()).bytes();
                        assertRefused(program, side, bytes, 3, damage.problem(), "--mode", "blocking");
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aRingInAnotherModeThanSaidIsRefused() {
        return Stream.of(PeerProgram.values()).map(program -> DynamicTest.dynamicTest(program.name(),
                () -> assertRefused(program, "reader", valid.bytes(), 3, "is in blocking mode, not overwrite", "--mode", "overwrite")));
    }

    @TestFactory
    Stream<DynamicTest> aSlotLengthNoWriterCommitsIsACorruptSegment() {
        return Stream.of(PeerProgram.values()).map(program -> DynamicTest.dynamicTest(program.name(), () -> {
            byte[] bytes = valid.copy().putLong(RingLayout.WRITE_INDEX_OFFSET, 1).putLong(valid.slot(0), RingLayout.committed(0))
                    .putInt(valid.slot(0) + RingLayout.SLOT_LENGTH_OFFSET, PAYLOAD + 1).bytes();
            assertRefused(program, "reader", bytes, 1, "length 49, outside 0..48 (corrupt segment)", "--mode", "blocking");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aBadNameIsAUsageError() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PeerProgram program : PeerProgram.values()) {
            for (String[] bad : new String[][] {{"a/b", "contains '/'"}, {"", "it is empty"}, {"x".repeat(256), "longer than 255 bytes"}}) {
                tests.add(DynamicTest.dynamicTest(program + " '" + (bad[0].length() > 10 ? "256 x" : bad[0]) + "'", () -> {
                    program.require();
                    try (PeerRun run = PeerRun.start(program, "reader", bad[0], "--mode", "blocking", "--count", "1")) {
                        assertEquals(2, run.awaitExit(DEADLINE), run.describe());
                        assertTrue(run.stderr().contains("bad ring name '" + bad[0] + "': ") && run.stderr().contains(bad[1]),
                                run.describe());
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Only root can give a file away; CI and this machine run as root, elsewhere the test is skipped. */
    @Test
    void aRingOfAnotherUserIsRefused() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root can make a file of another user");
        for (PeerProgram program : PeerProgram.values()) {
            program.require();
            Path file = valid.writeTo(SharedSegment.DEFAULT_DIR);
            try {
                Files.setAttribute(file, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
                try (PeerRun run = PeerRun.start(program, "reader", file.getFileName().toString(), "--mode", "blocking", "--count", "1")) {
                    assertEquals(3, run.awaitExit(DEADLINE), run.describe());
                    assertTrue(run.stderr().contains(file + " is owned by uid 65534, not by this user"), run.describe());
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void assertRefused(PeerProgram program, String side, byte[] bytes, int exit, String problem, String... mode)
            throws IOException {
        program.require();
        Path file = RingImage.writeTo(SharedSegment.DEFAULT_DIR, bytes);
        try (PeerRun run = PeerRun.start(program, side, file.getFileName().toString(), mode[0], mode[1], "--count", "1",
                "--timeout", "5")) {
            assertEquals(exit, run.awaitExit(DEADLINE), run.describe());
            assertTrue(run.stderr().startsWith("error: "), "one clear line: " + run.describe());
            assertTrue(run.stderr().contains(file.toString()), "names the file: " + run.describe());
            assertTrue(run.stderr().contains(problem), "says '" + problem + "': " + run.describe());
            assertTrue(run.stderr().lines().count() <= 2, "no traceback or dump: " + run.describe());
            if (exit == 3) { // a corrupt slot is found after attaching, which registered the reader in the header
                assertArrayEquals(bytes, Files.readAllBytes(file), "the refused file is unchanged");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
