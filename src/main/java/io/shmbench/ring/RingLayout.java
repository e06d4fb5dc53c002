package io.shmbench.ring;

/**
 * The ring's binary layout, described once. Every other class reads offsets from here.
 *
 * <p>Little-endian, fixed widths, no Java-specific encoding: a C or Python program following this
 * diagram can read and write a ring, and two do: {@code src/main/c/shmring.h} and
 * {@code src/main/python/shmring.py}. docs/ring-layout.md describes the layout and the protocol
 * for them; a test checks that document and both programs' constants against this class. All 64-bit fields that are accessed atomically sit at
 * 8-byte-aligned offsets (FFM refuses atomic access elsewhere). The segment is page-aligned.
 *
 * <pre>
 * Header (HEADER_SIZE = 512 bytes)
 * offset size  field
 *   0     8    magic            "SHMBRING" (0x474E495242484D53 read as a little-endian u64)
 *   8     4    layout version   {@link #LAYOUT_VERSION}
 *  12     4    header size      {@link #HEADER_SIZE}; slots start here
 *  16     4    slot count       &gt; 0; a power of two is indexed with a mask, others with modulo
 *  20     4    slot size        bytes per slot incl. its 16-byte slot header; a multiple of 8
 *  24     1    mode             0 BLOCKING, 1 OVERWRITE                      ({@link RingMode})
 *  25     1    padding          0 PACKED, 1 PAD_64, 2 PAD_128               ({@link Padding})
 *  26     1    memory order     0 PLAIN, 1 OPAQUE, 2 RELEASE_ACQUIRE, 3 VOLATILE, 4 FENCED
 *  27     1    flags            bit 0 cache remote index, bit 1 slots 64-byte aligned,
 *                               bit 2 reader polls the write index (else the slot's sequence word)
 *  28     4    reserved         0
 *  32     8    writer pid       0 = no writer attached
 *  40     8    writer start     writer process start, ms since the epoch (tells a reused pid apart)
 *  48     8    writer heartbeat CLOCK_MONOTONIC ns of the writer's last sign of life
 *  56     8    reader pid       0 = no reader attached
 *  64     8    reader start     ms since the epoch
 *  72     8    reader heartbeat CLOCK_MONOTONIC ns
 *  80    48    reserved         0
 * 128     8    write index      messages published so far (written by the writer only)
 *   R     8    read index       messages consumed so far (written by the reader only)
 *                               R = 136 (PACKED: one cache line with the write index),
 *                                   192 (PAD_64: next 64-byte line), 256 (PAD_128: next 128-byte pair)
 *
 * Slot i at HEADER_SIZE + i * slot size
 *   0     8    sequence word    0 = never written; message n: 2n+1 while being written, 2n+2 when
 *                               committed (the seqlock: odd = write in progress)
 *   8     4    payload length   bytes, &lt;= slot size - 16
 *  12     4    reserved         0
 *  16     ...  payload          up to slot size - 16 bytes (a 48-byte message shares the slot
 *                               header's cache line)
 * </pre>
 */
public final class RingLayout {
    public static final long MAGIC = 0x474E495242484D53L;
    public static final int LAYOUT_VERSION = 1;
    public static final int HEADER_SIZE = 512;

    public static final long MAGIC_OFFSET = 0;
    public static final long VERSION_OFFSET = 8;
    public static final long HEADER_SIZE_OFFSET = 12;
    public static final long SLOT_COUNT_OFFSET = 16;
    public static final long SLOT_SIZE_OFFSET = 20;
    public static final long MODE_OFFSET = 24;
    public static final long PADDING_OFFSET = 25;
    public static final long MEMORY_ORDER_OFFSET = 26;
    public static final long FLAGS_OFFSET = 27;
    public static final long WRITER_PID_OFFSET = 32;
    public static final long WRITER_START_OFFSET = 40;
    public static final long WRITER_HEARTBEAT_OFFSET = 48;
    public static final long READER_PID_OFFSET = 56;
    /** A cache line's bytes on the machines the layout is designed for (x86-64, most aarch64). */
    public static final int CACHE_LINE = 64;
    public static final long READER_START_OFFSET = 64;
    public static final long READER_HEARTBEAT_OFFSET = 72;
    public static final long WRITE_INDEX_OFFSET = 128;

    public static final int FLAG_CACHE_REMOTE_INDEX = 1;
    public static final int FLAG_ALIGN_SLOTS = 1 << 1;
    public static final int FLAG_POLL_WRITE_INDEX = 1 << 2;
    public static final int KNOWN_FLAGS = FLAG_CACHE_REMOTE_INDEX | FLAG_ALIGN_SLOTS | FLAG_POLL_WRITE_INDEX;

    public static final long SLOT_SEQUENCE_OFFSET = 0;
    public static final long SLOT_LENGTH_OFFSET = 8;
    public static final int SLOT_HEADER_SIZE = 16;

    /** Largest slot count: indices are computed in long, the header field is a u32 read as signed. */
    public static final int MAX_SLOT_COUNT = 1 << 30;

    /** Largest slot in bytes, header included (so a slot offset plus its size never overflows an int count). */
    public static final int MAX_SLOT_SIZE = Integer.MAX_VALUE - 64;

    /** Largest message index whose committed sequence word, 2n + 2, is still a positive long. */
    public static final long MAX_INDEX = (Long.MAX_VALUE - 2) / 2;

    private RingLayout() {
    }

    /** Where the read index lives for a padding variant. */
    public static long readIndexOffset(Padding padding) {
        return switch (padding) {
            case PACKED -> 136;
            case PAD_64 -> 192;
            case PAD_128 -> 256;
        };
    }

    /** Bytes per slot for a largest payload: header + payload rounded up to 8, or to 64 when aligned. */
    public static int slotSize(int maxPayload, boolean alignSlots) {
        long unit = alignSlots ? CACHE_LINE : 8;
        long raw = (long) SLOT_HEADER_SIZE + maxPayload;
        long size = (raw + unit - 1) / unit * unit;
        if (size > MAX_SLOT_SIZE) {
            throw new IllegalArgumentException("payload of " + maxPayload + " bytes is too large for one slot");
        }
        return (int) size;
    }

    public static long segmentSize(int slotCount, int slotSize) {
        return HEADER_SIZE + (long) slotCount * slotSize;
    }

    public static long slotOffset(int slot, int slotSize) {
        return HEADER_SIZE + (long) slot * slotSize;
    }

    /** The committed value of the sequence word for message {@code n} (0-based). */
    public static long committed(long n) {
        return 2 * n + 2;
    }

    /** The in-progress value of the sequence word for message {@code n}. */
    public static long writing(long n) {
        return 2 * n + 1;
    }
}
