package io.shmbench.ring;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * Checks a mapped file against {@link RingLayout} before anything trusts it. Every check reads only
 * inside the mapping, so a hostile or truncated file gets a {@link RingFormatException}, never an
 * out-of-bounds access.
 */
final class RingHeaderValidator {
    private RingHeaderValidator() {
    }

    static RingConfig validate(MemorySegment m, Path path) {
        long size = m.byteSize();
        if (size < RingLayout.HEADER_SIZE) {
            throw fail(path, "truncated: " + size + " bytes, a ring header alone needs " + RingLayout.HEADER_SIZE);
        }
        long magic = (long) OrderedAccess.LONG.getAcquire(m, RingLayout.MAGIC_OFFSET);
        if (magic != RingLayout.MAGIC) {
            throw fail(path, String.format("bad magic 0x%016X (expected 0x%016X, \"SHMBRING\"): not a shmbench ring",
                    magic, RingLayout.MAGIC));
        }
        int version = m.get(ValueLayout.JAVA_INT, RingLayout.VERSION_OFFSET);
        if (version != RingLayout.LAYOUT_VERSION) {
            throw fail(path, "layout version " + Integer.toUnsignedString(version) + ", this build reads version "
                    + RingLayout.LAYOUT_VERSION);
        }
        int headerSize = m.get(ValueLayout.JAVA_INT, RingLayout.HEADER_SIZE_OFFSET);
        if (headerSize != RingLayout.HEADER_SIZE) {
            throw fail(path, "header size " + Integer.toUnsignedString(headerSize) + ", expected " + RingLayout.HEADER_SIZE);
        }
        int slotCount = m.get(ValueLayout.JAVA_INT, RingLayout.SLOT_COUNT_OFFSET);
        if (slotCount <= 0 || slotCount > RingLayout.MAX_SLOT_COUNT) {
            throw fail(path, "slot count " + Integer.toUnsignedString(slotCount) + " is outside 1.." + RingLayout.MAX_SLOT_COUNT);
        }
        int slotSize = m.get(ValueLayout.JAVA_INT, RingLayout.SLOT_SIZE_OFFSET);
        if (slotSize <= RingLayout.SLOT_HEADER_SIZE || slotSize % 8 != 0) {
            throw fail(path, "slot size " + Integer.toUnsignedString(slotSize) + " must be a multiple of 8 larger than the "
                    + RingLayout.SLOT_HEADER_SIZE + "-byte slot header");
        }
        if (slotSize > RingLayout.MAX_SLOT_SIZE) {
            throw fail(path, "slot size " + slotSize + " exceeds the largest slot, " + RingLayout.MAX_SLOT_SIZE + " bytes");
        }
        RingMode mode = decode(RingMode.values(), m.get(ValueLayout.JAVA_BYTE, RingLayout.MODE_OFFSET), "mode", path);
        Padding padding = decode(Padding.values(), m.get(ValueLayout.JAVA_BYTE, RingLayout.PADDING_OFFSET), "padding", path);
        MemoryOrder order = decode(MemoryOrder.values(), m.get(ValueLayout.JAVA_BYTE, RingLayout.MEMORY_ORDER_OFFSET),
                "memory order", path);
        int flags = Byte.toUnsignedInt(m.get(ValueLayout.JAVA_BYTE, RingLayout.FLAGS_OFFSET));
        if ((flags & ~RingLayout.KNOWN_FLAGS) != 0) {
            throw fail(path, String.format("unknown flag bits 0x%02X", flags & ~RingLayout.KNOWN_FLAGS));
        }
        boolean alignSlots = (flags & RingLayout.FLAG_ALIGN_SLOTS) != 0;
        if (alignSlots && slotSize % 64 != 0) {
            throw fail(path, "slot size " + slotSize + " is not a multiple of 64 although the header says slots are aligned");
        }
        long expected = RingLayout.segmentSize(slotCount, slotSize);
        if (expected != size) {
            throw fail(path, "geometry (" + slotCount + " slots x " + slotSize + " bytes + " + RingLayout.HEADER_SIZE
                    + "-byte header = " + expected + " bytes) does not match the file size of " + size + " bytes"
                    + (size < expected ? " (truncated?)" : ""));
        }
        RingConfig config = new RingConfig(slotCount, slotSize - RingLayout.SLOT_HEADER_SIZE, mode, padding, order,
                (flags & RingLayout.FLAG_CACHE_REMOTE_INDEX) != 0, alignSlots,
                (flags & RingLayout.FLAG_POLL_WRITE_INDEX) != 0 ? ReaderPoll.WRITE_INDEX : ReaderPoll.SLOT_SEQUENCE);
        validateIndicesAndSlots(m, config, path);
        return config;
    }

    /**
     * The indices and sequence words must be consistent, also while a live writer and reader move
     * them: both indices only grow, so each bound is checked against a value read on the safe side
     * of it (the read index once before and once after the write index; the slots before the write
     * index). The write index counts a message its writer committed but did not publish (see
     * {@link RingWriter#resumeIndex}); a write in progress (odd sequence word) may be one beyond it,
     * because its mark may become visible before the write index that precedes it.
     */
    private static void validateIndicesAndSlots(MemorySegment m, RingConfig config, Path path) {
        long readIndexOffset = RingLayout.readIndexOffset(config.padding());
        long readIndex = (long) OrderedAccess.LONG.getAcquire(m, readIndexOffset);
        long newestCommitted = -1;
        long newestInProgress = -1;
        for (int slot = 0; slot < config.slotCount(); slot++) {
            long offset = RingLayout.slotOffset(slot, config.slotSize());
            long sequence = (long) OrderedAccess.LONG.getAcquire(m, offset + RingLayout.SLOT_SEQUENCE_OFFSET);
            if (sequence == 0) {
                continue;
            }
            long message = (sequence - 1) / 2;
            if (sequence < 0 || message % config.slotCount() != slot) {
                throw fail(path, "slot " + slot + " holds sequence word " + Long.toUnsignedString(sequence)
                        + ", which belongs to no message of slot " + slot);
            }
            int length = m.get(ValueLayout.JAVA_INT, offset + RingLayout.SLOT_LENGTH_OFFSET);
            if ((sequence & 1) == 0 && (length < 0 || length > config.maxPayload())) {
                throw fail(path, "slot " + slot + " has payload length " + Integer.toUnsignedString(length)
                        + ", larger than the slot's " + config.maxPayload() + " bytes");
            }
            if ((sequence & 1) == 0) {
                newestCommitted = Math.max(newestCommitted, message);
            } else {
                newestInProgress = Math.max(newestInProgress, message);
            }
        }
        long published = (long) OrderedAccess.LONG.getAcquire(m, RingLayout.WRITE_INDEX_OFFSET);
        if (published < 0 || readIndex < 0) {
            throw fail(path, "negative index (write " + published + ", read " + readIndex + ")");
        }
        if (published > RingLayout.MAX_INDEX || readIndex > RingLayout.MAX_INDEX) {
            throw fail(path, "write index " + published + " or read index " + readIndex + " is beyond "
                    + RingLayout.MAX_INDEX + ", the last message a sequence word can number");
        }
        long writeIndex = Math.max(published, RingWriter.resumeIndex(m, config.slotCount(), config.slotSize()));
        long readIndexAfter = (long) OrderedAccess.LONG.getAcquire(m, readIndexOffset);
        if (newestCommitted > writeIndex || newestInProgress > writeIndex + 1) {
            throw fail(path, "a slot holds message " + Math.max(newestCommitted, newestInProgress)
                    + " but the write index is only " + writeIndex + " (sequence word from the future)");
        }
        if (readIndex > writeIndex) {
            throw fail(path, "read index " + readIndex + " is beyond the write index " + writeIndex);
        }
        if (config.mode() == RingMode.BLOCKING && writeIndex - readIndexAfter > config.slotCount()) {
            throw fail(path, "write index " + writeIndex + " is more than " + config.slotCount()
                    + " slots ahead of the read index " + readIndexAfter);
        }
    }

    private static <E extends Enum<E>> E decode(E[] values, byte code, String field, Path path) {
        int value = Byte.toUnsignedInt(code);
        if (value >= values.length) {
            throw fail(path, field + " code " + value + " is unknown (0.." + (values.length - 1) + ")");
        }
        return values[value];
    }

    private static RingFormatException fail(Path path, String what) {
        return new RingFormatException(path + ": " + what);
    }
}
