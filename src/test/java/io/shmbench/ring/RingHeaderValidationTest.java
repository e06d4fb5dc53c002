package io.shmbench.ring;

import io.shmbench.shm.SegmentException;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.ShmFiles;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Attaching to a file that is not a ring this build can use fails with a {@link RingFormatException}
 * that names the file and what is wrong, and never reads outside the file. Each case takes a valid
 * ring, damages one thing in it, and attaches.
 */
@ExtendWith(NoLeaks.class)
class RingHeaderValidationTest {
    private static final RingConfig CONFIG = RingConfig.of(4, 64);

    static Stream<Arguments> damagedHeaders() {
        int slotSize = CONFIG.slotSize();
        long readIndex = RingLayout.readIndexOffset(CONFIG.padding());
        long slot1 = RingLayout.slotOffset(1, slotSize);
        return Stream.of(
                damage("wrong magic", m -> m.set(ValueLayout.JAVA_LONG, RingLayout.MAGIC_OFFSET, 0x1234L),
                        "bad magic 0x0000000000001234 (expected 0x474E495242484D53, \"SHMBRING\"): not a shmbench ring"),
                damage("wrong layout version", m -> m.set(ValueLayout.JAVA_INT, RingLayout.VERSION_OFFSET, 2),
                        "layout version 2, this build reads version 1"),
                damage("wrong header size", m -> m.set(ValueLayout.JAVA_INT, RingLayout.HEADER_SIZE_OFFSET, 256),
                        "header size 256, expected 512"),
                damage("slot count that does not match the file size", m -> m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_COUNT_OFFSET, 5),
                        "geometry (5 slots x " + slotSize + " bytes + 512-byte header = " + (512 + 5 * slotSize)
                                + " bytes) does not match the file size of " + (512 + 4 * slotSize) + " bytes (truncated?)"),
                damage("slot size that does not match the file size", m -> m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_SIZE_OFFSET, 64),
                        "geometry (4 slots x 64 bytes + 512-byte header = 768 bytes) does not match the file size of "
                                + (512 + 4 * slotSize) + " bytes"),
                damage("zero slots", m -> m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_COUNT_OFFSET, 0),
                        "slot count 0 is outside 1..1073741824"),
                damage("negative slot count", m -> m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_COUNT_OFFSET, -1),
                        "slot count 4294967295 is outside 1..1073741824"),
                damage("slot size not a multiple of 8", m -> m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_SIZE_OFFSET, 100),
                        "slot size 100 must be a multiple of 8 larger than the 16-byte slot header"),
                damage("unaligned slot size in an aligned ring", m -> m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_SIZE_OFFSET, 72),
                        "slot size 72 is not a multiple of 64 although the header says slots are aligned"),
                damage("unknown mode", m -> m.set(ValueLayout.JAVA_BYTE, RingLayout.MODE_OFFSET, (byte) 7),
                        "mode code 7 is unknown (0..1)"),
                damage("unknown padding", m -> m.set(ValueLayout.JAVA_BYTE, RingLayout.PADDING_OFFSET, (byte) 3),
                        "padding code 3 is unknown (0..2)"),
                damage("unknown memory order", m -> m.set(ValueLayout.JAVA_BYTE, RingLayout.MEMORY_ORDER_OFFSET, (byte) 0xFF),
                        "memory order code 255 is unknown (0..4)"),
                damage("unknown flag", m -> m.set(ValueLayout.JAVA_BYTE, RingLayout.FLAGS_OFFSET, (byte) 0x83),
                        "unknown flag bits 0x80"),
                damage("sequence word of another slot", m -> m.set(ValueLayout.JAVA_LONG, slot1 + RingLayout.SLOT_SEQUENCE_OFFSET,
                        RingLayout.committed(2)), "slot 1 holds sequence word 6, which belongs to no message of slot 1"),
                damage("sequence word from the future", m -> m.set(ValueLayout.JAVA_LONG, slot1 + RingLayout.SLOT_SEQUENCE_OFFSET,
                        RingLayout.committed(9)), "a slot holds message 9 but the write index is only 0"),
                damage("payload length larger than the slot", m -> {
                    m.set(ValueLayout.JAVA_LONG, RingLayout.WRITE_INDEX_OFFSET, 2);
                    m.set(ValueLayout.JAVA_LONG, slot1 + RingLayout.SLOT_SEQUENCE_OFFSET, RingLayout.committed(1));
                    m.set(ValueLayout.JAVA_INT, slot1 + RingLayout.SLOT_LENGTH_OFFSET, 4000);
                }, "slot 1 has payload length 4000, larger than the slot's " + CONFIG.maxPayload() + " bytes"),
                damage("read index beyond the write index", m -> m.set(ValueLayout.JAVA_LONG, readIndex, 3),
                        "read index 3 is beyond the write index 0"),
                damage("negative index", m -> m.set(ValueLayout.JAVA_LONG, RingLayout.WRITE_INDEX_OFFSET, -5),
                        "negative index (write -5, read 0)"),
                damage("BLOCKING writer more than a ring ahead", m -> m.set(ValueLayout.JAVA_LONG, RingLayout.WRITE_INDEX_OFFSET, 5),
                        "write index 5 is more than 4 slots ahead of the read index 0"));
    }

    private static Arguments damage(String what, Consumer<MemorySegment> damage, String expected) {
        return Arguments.of(Named.of(what, damage), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedHeaders")
    void aDamagedHeaderIsRefusedWithWhatIsWrong(Consumer<MemorySegment> damage, String expected) {
        try (TempRing temp = TempRing.create(CONFIG)) {
            damage.accept(temp.ring().memory());
            RingFormatException e = assertThrows(RingFormatException.class, () -> Ring.attach(temp.ring().path()));
            assertMessageContains(temp.ring().path() + ": " + expected, e);
        }
    }

    /** A ring file cut short after its header: the slots it says it has are not all there. */
    @Test
    void aTruncatedRingIsRefused() throws IOException {
        Path copy = ShmFiles.freshPath();
        try (TempRing temp = TempRing.create(CONFIG)) {
            MemorySegment memory = temp.ring().memory();
            long kept = memory.byteSize() - CONFIG.slotSize() - 8;
            writeOwnerOnly(copy, memory.asSlice(0, kept).toArray(ValueLayout.JAVA_BYTE));
            RingFormatException e = assertThrows(RingFormatException.class, () -> Ring.attach(copy));
            assertMessageContains(copy + ": geometry (4 slots x " + CONFIG.slotSize() + " bytes + 512-byte header = "
                    + memory.byteSize() + " bytes) does not match the file size of " + kept + " bytes (truncated?)", e);
        } finally {
            ShmFiles.delete(copy);
        }
    }

    @Test
    void aFileShorterThanAHeaderIsRefused() throws IOException {
        Path file = ShmFiles.freshPath();
        try {
            writeOwnerOnly(file, new byte[100]);
            RingFormatException e = assertThrows(RingFormatException.class, () -> Ring.attach(file));
            assertMessageContains(file + ": truncated: 100 bytes, a ring header alone needs 512", e);
        } finally {
            ShmFiles.delete(file);
        }
    }

    @Test
    void attachingToAMissingRingSaysSo() {
        Path missing = ShmFiles.freshPath();
        SegmentException e = assertThrows(SegmentException.class, () -> Ring.attach(missing));
        assertMessageContains("no segment at " + missing + " (it does not exist)", e);
    }

    /** The check reads back every field the creator wrote. */
    @Test
    void anUndamagedRingAttachesWithTheCreatorsConfiguration() {
        RingConfig config = new RingConfig(7, 50, RingMode.OVERWRITE, Padding.PAD_64, MemoryOrder.FENCED,
                false, false, ReaderPoll.WRITE_INDEX);
        try (TempRing temp = TempRing.create(config);
             Ring attached = Ring.attach(temp.ring().path())) {
            assertEquals(config, attached.config());
            assertEquals(config, temp.ring().config());
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content);
    }
}
