package io.shmbench.ring;

import io.shmbench.shm.SegmentException;
import io.shmbench.shm.SuiteName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named malformed segments: each is a valid ring as {@link Ring#create} writes it with one thing
 * wrong, written to a real file. {@link Ring#attach} must refuse it with the documented exception
 * ({@link RingFormatException} for the content, {@link SegmentException} for the file itself), a
 * message that names the file and the problem, and leave the file as it was.
 */
class MalformedSegmentTest {
    private static final int SLOTS = 4;
    /** Aligned slots: 16-byte slot header + 48 payload bytes = 64. */
    private static final int PAYLOAD = 48;
    /** Unaligned slots: 16 + 56 = 72 bytes, a multiple of 8 but not of 64. */
    private static final int UNALIGNED_PAYLOAD = 56;

    @TempDir
    static Path dir;
    private static RingImage blocking;
    private static RingImage unaligned;

    @BeforeAll
    static void validImages() {
        blocking = RingImage.of(dir, RingConfig.of(SLOTS, PAYLOAD));
        unaligned = RingImage.of(dir, RingImageFuzzer.unaligned(SLOTS, UNALIGNED_PAYLOAD));
    }

    static Stream<Arguments> malformedSegments() {
        return Stream.of(
                content("bad magic", i -> i.putLong(RingLayout.MAGIC_OFFSET, 0x4141_4141_4141_4141L),
                        "bad magic 0x4141414141414141"),
                content("no magic yet (a ring whose creator has not finished)", i -> i.putLong(RingLayout.MAGIC_OFFSET, 0),
                        "not a shmbench ring"),
                content("layout version from the future", i -> i.putInt(RingLayout.VERSION_OFFSET, 2),
                        "layout version 2, this build reads version 1"),
                content("layout version 0", i -> i.putInt(RingLayout.VERSION_OFFSET, 0), "layout version 0"),
                content("header size", i -> i.putInt(RingLayout.HEADER_SIZE_OFFSET, 256), "header size 256, expected 512"),
                content("zero slot count", i -> i.putInt(RingLayout.SLOT_COUNT_OFFSET, 0), "slot count 0 is outside 1.."),
                content("negative slot count", i -> i.putInt(RingLayout.SLOT_COUNT_OFFSET, -1),
                        "slot count 4294967295 is outside 1.."),
                content("slot count beyond the largest", i -> i.putInt(RingLayout.SLOT_COUNT_OFFSET, RingLayout.MAX_SLOT_COUNT + 1),
                        "slot count 1073741825 is outside"),
                content("slot size not a multiple of 8", i -> i.putInt(RingLayout.SLOT_SIZE_OFFSET, 100),
                        "slot size 100 must be a multiple of 8"),
                content("slot size of the slot header alone", i -> i.putInt(RingLayout.SLOT_SIZE_OFFSET, RingLayout.SLOT_HEADER_SIZE),
                        "slot size 16 must be a multiple of 8 larger than the 16-byte slot header"),
                content("slot size below the slot header", i -> i.putInt(RingLayout.SLOT_SIZE_OFFSET, 8), "slot size 8"),
                content("negative slot size", i -> i.putInt(RingLayout.SLOT_SIZE_OFFSET, -8), "slot size 4294967288"),
                Arguments.of("aligned flag with an unaligned slot size", unaligned,
                        (UnaryOperator<RingImage>) i -> i.putByte(RingLayout.FLAGS_OFFSET,
                                i.getUnsignedByte(RingLayout.FLAGS_OFFSET) | RingLayout.FLAG_ALIGN_SLOTS),
                        RingFormatException.class, "slot size 72 is not a multiple of 64"),
                content("unknown mode", i -> i.putByte(RingLayout.MODE_OFFSET, 2), "mode code 2 is unknown (0..1)"),
                content("unknown padding", i -> i.putByte(RingLayout.PADDING_OFFSET, 3), "padding code 3 is unknown (0..2)"),
                content("unknown memory order", i -> i.putByte(RingLayout.MEMORY_ORDER_OFFSET, 0xFF),
                        "memory order code 255 is unknown (0..4)"),
                content("unknown flag bit", i -> i.putByte(RingLayout.FLAGS_OFFSET, 0x08 | RingLayout.FLAG_ALIGN_SLOTS),
                        "unknown flag bits 0x08"),
                content("geometry larger than the file (truncated by a slot)", i -> i.resize(i.length() - 64),
                        "= 768 bytes) does not match the file size of 704 bytes (truncated?)"),
                content("geometry smaller than the file", i -> i.resize(i.length() + 4096),
                        "= 768 bytes) does not match the file size of 4864 bytes"),
                content("read index beyond the write index", i -> i.putLong(RingLayout.WRITE_INDEX_OFFSET, 3)
                        .putLong(i.readIndexOffset(), 5), "read index 5 is beyond the write index 3"),
                content("BLOCKING write index more than a ring ahead of the read index",
                        i -> i.putLong(RingLayout.WRITE_INDEX_OFFSET, 10).putLong(i.readIndexOffset(), 5),
                        "write index 10 is more than 4 slots ahead of the read index 5"),
                content("negative write index", i -> i.putLong(RingLayout.WRITE_INDEX_OFFSET, Long.MIN_VALUE), "negative index"),
                content("sequence word from the future", i -> i.putLong(i.slot(2), RingLayout.committed(2)),
                        "a slot holds message 2 but the write index is only 0 (sequence word from the future)"),
                content("sequence word in the wrong slot", i -> i.putLong(RingLayout.WRITE_INDEX_OFFSET, 1)
                        .putLong(i.slot(1), RingLayout.committed(0)), "slot 1 holds sequence word 2, which belongs to no message of slot 1"),
                content("negative sequence word", i -> i.putLong(i.slot(3), -2),
                        "slot 3 holds sequence word 18446744073709551614"),
                content("payload length beyond the slot", i -> i.putLong(RingLayout.WRITE_INDEX_OFFSET, 1)
                        .putLong(i.slot(0), RingLayout.committed(0))
                        .putInt(i.slot(0) + RingLayout.SLOT_LENGTH_OFFSET, PAYLOAD + 1),
                        "slot 0 has payload length 49, larger than the slot's 48 bytes"),
                content("negative payload length", i -> i.putLong(RingLayout.WRITE_INDEX_OFFSET, 1)
                        .putLong(i.slot(0), RingLayout.committed(0))
                        .putInt(i.slot(0) + RingLayout.SLOT_LENGTH_OFFSET, -1), "slot 0 has payload length 4294967295"),
                content("file shorter than the header", i -> i.resize(100),
                        "truncated: 100 bytes, a ring header alone needs 512"),
                content("a foreign file (text)", i -> i.resize(0).resize(768).putLong(0, asLong("#!/bin/sh")),
                        "not a shmbench ring"),
                Arguments.of("empty file", blocking, (UnaryOperator<RingImage>) i -> i.resize(0),
                        SegmentException.class, "is empty (0 bytes)"));
    }

    private static Arguments content(String name, UnaryOperator<RingImage> damage, String message) {
        return Arguments.of(name, blocking, damage, RingFormatException.class, message);
    }

    private static long asLong(String text) {
        byte[] bytes = java.util.Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), Long.BYTES);
        return java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSegments")
    void attachRefusesAMalformedSegment(String name, RingImage valid, UnaryOperator<RingImage> damage,
                                        Class<? extends RuntimeException> expected, String problem) throws IOException {
        byte[] damaged = damage.apply(valid.copy()).bytes();
        Path file = RingImage.writeTo(dir, damaged);
        try {
            RuntimeException e = assertThrows(RuntimeException.class, () -> Ring.attach(file).close());
            assertEquals(expected, e.getClass(), () -> name + ": wrong exception type, message: " + e.getMessage());
            assertTrue(e.getMessage().contains(file.toString()), () -> "the message does not name the file: " + e.getMessage());
            assertTrue(e.getMessage().contains(problem), () -> "the message does not say \"" + problem + "\": " + e.getMessage());
            assertArrayEquals(damaged, Files.readAllBytes(file), "attach changed a file it refused");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theUndamagedImagesAttach() {
        for (RingImage valid : new RingImage[] {blocking, unaligned}) {
            Path file = valid.writeTo(dir);
            try (Ring ring = Ring.attach(file)) {
                assertEquals(valid.config(), ring.config());
            } finally {
                file.toFile().delete();
            }
        }
    }

    @Test
    void aMissingFileIsASegmentError() {
        Path file = dir.resolve(SuiteName.fresh(Ring.SEGMENT_KIND).toString());
        SegmentException e = assertThrows(SegmentException.class, () -> Ring.attach(file));
        assertTrue(e.getMessage().contains(file + " (it does not exist)"), e.getMessage());
    }

    @Test
    void aDirectoryIsASegmentError() throws IOException {
        Path directory = Files.createDirectory(dir.resolve(SuiteName.fresh(Ring.SEGMENT_KIND).toString()));
        try {
            SegmentException e = assertThrows(SegmentException.class, () -> Ring.attach(directory));
            assertTrue(e.getMessage().contains(directory + " is not a regular file"), e.getMessage());
        } finally {
            Files.delete(directory);
        }
    }

    @Test
    void aSymbolicLinkToAValidRingIsASegmentError() throws IOException {
        Path target = blocking.writeTo(dir);
        Path link = dir.resolve(SuiteName.fresh(Ring.SEGMENT_KIND).toString());
        try {
            Files.createSymbolicLink(link, target);
            SegmentException e = assertThrows(SegmentException.class, () -> Ring.attach(link));
            assertTrue(e.getMessage().contains(link + " is a symbolic link"), e.getMessage());
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(target);
        }
    }

    /**
     * A slot size the header check lets through but {@link RingConfig} cannot hold: 2^31 - 8 is a
     * multiple of 8 above the slot header, and a sparse file of one such slot matches the geometry.
     * The ring then fails building its config with an IllegalArgumentException instead of a
     * RingFormatException. The file is sparse: mapping it costs address space, not memory.
     */
    @Test
    void aSlotSizeBeyondTheLargestSlotIsAFormatError() throws IOException {
        int slotSize = Integer.MAX_VALUE - 7;
        RingImage image = blocking.copy().resize(RingLayout.HEADER_SIZE)
                .putInt(RingLayout.SLOT_COUNT_OFFSET, 1)
                .putInt(RingLayout.SLOT_SIZE_OFFSET, slotSize)
                .putByte(RingLayout.FLAGS_OFFSET, 0);
        Path file = image.writeTo(dir);
        try {
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(RingLayout.segmentSize(1, slotSize));
            }
            RuntimeException e = assertThrows(RuntimeException.class, () -> Ring.attach(file).close());
            assertEquals(RingFormatException.class, e.getClass(), e::toString);
            assertTrue(e.getMessage().contains("slot size " + slotSize), e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Message n's committed sequence word is 2n + 2, which overflows a signed 64-bit word from
     * n = 2^62 - 1 on: a ring whose write index is that far can no longer number its messages
     * (the next commit of message 2^63 - 1 would store 0, "never written"). Such a header cannot
     * come from a real ring (2^62 messages), only from a damaged or hostile file.
     */
    @Test
    void anIndexBeyondWhatSequenceWordsCanNumberIsAFormatError() throws IOException {
        long unnumberable = Long.MAX_VALUE / 2;
        Path file = blocking.copy().putLong(RingLayout.WRITE_INDEX_OFFSET, unnumberable)
                .putLong(blocking.readIndexOffset(), unnumberable).writeTo(dir);
        try {
            RuntimeException e = assertThrows(RuntimeException.class, () -> Ring.attach(file).close());
            assertEquals(RingFormatException.class, e.getClass(), e::toString);
            assertTrue(e.getMessage().contains("write index " + unnumberable), e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
