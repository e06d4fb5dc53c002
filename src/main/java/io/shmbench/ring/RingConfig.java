package io.shmbench.ring;

/**
 * Everything fixed when a ring is created; stored in the header so the other side reads it back.
 *
 * @param slotCount        number of slots, any positive count
 * @param maxPayload       largest message in bytes; rounded up to what the slot holds (slot size - 16), because
 *                         the header stores the slot size only and both sides must agree on the limit
 * @param mode             BLOCKING or OVERWRITE
 * @param padding          where the read index sits relative to the write index
 * @param memoryOrder      how sequences and indices are published
 * @param cacheRemoteIndex each side keeps the other's index and reloads it only when it must
 * @param alignSlots       slots start on 64-byte boundaries (else on 8)
 * @param readerPoll       whether the reader watches the slot's sequence word or the write index
 */
public record RingConfig(int slotCount, int maxPayload, RingMode mode, Padding padding, MemoryOrder memoryOrder,
                         boolean cacheRemoteIndex, boolean alignSlots, ReaderPoll readerPoll) {

    public RingConfig {
        if (slotCount <= 0 || slotCount > RingLayout.MAX_SLOT_COUNT) {
            throw new IllegalArgumentException("slot count must be 1.." + RingLayout.MAX_SLOT_COUNT + ", was " + slotCount);
        }
        if (maxPayload <= 0) {
            throw new IllegalArgumentException("maxPayload must be positive, was " + maxPayload);
        }
        // Rejects payloads too large for a slot, and makes the creator's limit the one an attacher reads back.
        maxPayload = RingLayout.slotSize(maxPayload, alignSlots) - RingLayout.SLOT_HEADER_SIZE;
        java.util.Objects.requireNonNull(mode, "mode");
        java.util.Objects.requireNonNull(padding, "padding");
        java.util.Objects.requireNonNull(memoryOrder, "memoryOrder");
        java.util.Objects.requireNonNull(readerPoll, "readerPoll");
    }

    /** A BLOCKING, PAD_128, RELEASE_ACQUIRE ring with remote-index caching and aligned slots. */
    public static RingConfig of(int slotCount, int maxPayload) {
        return new RingConfig(slotCount, maxPayload, RingMode.BLOCKING, Padding.PAD_128, MemoryOrder.RELEASE_ACQUIRE,
                true, true, ReaderPoll.SLOT_SEQUENCE);
    }

    public RingConfig withMode(RingMode value) {
        return new RingConfig(slotCount, maxPayload, value, padding, memoryOrder, cacheRemoteIndex, alignSlots, readerPoll);
    }

    public RingConfig withPadding(Padding value) {
        return new RingConfig(slotCount, maxPayload, mode, value, memoryOrder, cacheRemoteIndex, alignSlots, readerPoll);
    }

    public RingConfig withMemoryOrder(MemoryOrder value) {
        return new RingConfig(slotCount, maxPayload, mode, padding, value, cacheRemoteIndex, alignSlots, readerPoll);
    }

    public RingConfig withCacheRemoteIndex(boolean value) {
        return new RingConfig(slotCount, maxPayload, mode, padding, memoryOrder, value, alignSlots, readerPoll);
    }

    public RingConfig withAlignSlots(boolean value) {
        return new RingConfig(slotCount, maxPayload, mode, padding, memoryOrder, cacheRemoteIndex, value, readerPoll);
    }

    public RingConfig withReaderPoll(ReaderPoll value) {
        return new RingConfig(slotCount, maxPayload, mode, padding, memoryOrder, cacheRemoteIndex, alignSlots, value);
    }

    public int slotSize() {
        return RingLayout.slotSize(maxPayload, alignSlots);
    }

    public long segmentSize() {
        return RingLayout.segmentSize(slotCount, slotSize());
    }

    int flags() {
        return (cacheRemoteIndex ? RingLayout.FLAG_CACHE_REMOTE_INDEX : 0)
                | (alignSlots ? RingLayout.FLAG_ALIGN_SLOTS : 0)
                | (readerPoll == ReaderPoll.WRITE_INDEX ? RingLayout.FLAG_POLL_WRITE_INDEX : 0);
    }
}
