package io.shmbench.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes damaged ring images from valid ones, reproducibly from a seed: header fields set to
 * boundary and random values, slot sequence words and lengths, indices, random bytes, wrong file
 * sizes, and new geometries with a matching size (so the damage reaches the checks behind the
 * geometry check). Each image gets one to four damages; {@link Damaged#description} says which.
 */
final class RingImageFuzzer {
    /** Header fields as (offset, width in bytes); the read index at each padding variant's offset. */
    private static final long[][] FIELDS = {
            {RingLayout.MAGIC_OFFSET, 8}, {RingLayout.VERSION_OFFSET, 4}, {RingLayout.HEADER_SIZE_OFFSET, 4},
            {RingLayout.SLOT_COUNT_OFFSET, 4}, {RingLayout.SLOT_SIZE_OFFSET, 4}, {RingLayout.MODE_OFFSET, 1},
            {RingLayout.PADDING_OFFSET, 1}, {RingLayout.MEMORY_ORDER_OFFSET, 1}, {RingLayout.FLAGS_OFFSET, 1},
            {RingLayout.WRITE_INDEX_OFFSET, 8}, {RingLayout.readIndexOffset(Padding.PACKED), 8},
            {RingLayout.readIndexOffset(Padding.PAD_64), 8}, {RingLayout.readIndexOffset(Padding.PAD_128), 8}};

    private static final long[] BOUNDARIES = {0, 1, -1, 2, 7, 8, 15, 16, 17, 24, 63, 64, 65, 72, 128, 511, 512, 513,
            4096, RingLayout.MAX_SLOT_COUNT, RingLayout.MAX_SLOT_COUNT + 1L, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MAX_VALUE - 7L, Integer.MAX_VALUE - 63L, 0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE};

    /** A damaged image and what was done to it, to reproduce a failure. */
    record Damaged(RingImage image, String description) {
    }

    private final SplittableRandom random;
    private final List<RingImage> valid;

    RingImageFuzzer(long seed, List<RingImage> valid) {
        this.random = new SplittableRandom(seed);
        this.valid = valid;
    }

    Damaged next() {
        RingImage image = valid.get(random.nextInt(valid.size())).copy();
        StringBuilder what = new StringBuilder(image.config().toString());
        int damages = 1 + random.nextInt(4);
        for (int d = 0; d < damages; d++) {
            what.append("; ");
            switch (random.nextInt(7)) {
                case 0 -> headerField(image, what);
                case 1 -> slotWord(image, what);
                case 2 -> randomBytes(image, what);
                case 3 -> resize(image, what);
                case 4 -> newGeometry(image, what);
                case 5 -> plausibleTraffic(image, what);
                default -> indices(image, what);
            }
        }
        return new Damaged(image, what.toString());
    }

    private void headerField(RingImage image, StringBuilder what) {
        long[] field = FIELDS[random.nextInt(FIELDS.length)];
        long value = interesting(image, field[0], (int) field[1]);
        put(image, field[0], (int) field[1], value);
        what.append("field@").append(field[0]).append('=').append(value);
    }

    private void slotWord(RingImage image, StringBuilder what) {
        int slot = random.nextInt(image.config().slotCount());
        boolean sequence = random.nextBoolean();
        long offset = image.slot(slot) + (sequence ? RingLayout.SLOT_SEQUENCE_OFFSET : RingLayout.SLOT_LENGTH_OFFSET);
        long value;
        if (sequence && random.nextBoolean()) {
            long message = random.nextInt(4 * image.config().slotCount() + 2);
            value = random.nextBoolean() ? RingLayout.committed(message) : RingLayout.writing(message);
        } else {
            value = interesting(image, offset, sequence ? 8 : 4);
        }
        put(image, offset, sequence ? 8 : 4, value);
        what.append("slot ").append(slot).append(sequence ? " sequence=" : " length=").append(value);
    }

    private void randomBytes(RingImage image, StringBuilder what) {
        if (image.length() == 0) {
            return;
        }
        int span = (int) Math.min(image.length(), RingLayout.HEADER_SIZE + 2L * image.config().slotSize());
        int count = 1 + random.nextInt(8);
        what.append("bytes");
        for (int i = 0; i < count; i++) {
            int offset = random.nextInt(span);
            int value = random.nextInt(256);
            image.putByte(offset, value);
            what.append(' ').append(offset).append('=').append(value);
        }
    }

    private void resize(RingImage image, StringBuilder what) {
        int length = image.length();
        int slotSize = image.config().slotSize();
        int[] choices = {0, 1 + random.nextInt(RingLayout.HEADER_SIZE), length - 1, length + 1, length - 8, length + 8,
                length - slotSize, length + slotSize, random.nextInt(2 * length + 1)};
        int chosen = Math.max(0, choices[random.nextInt(choices.length)]);
        image.resize(chosen);
        what.append("size=").append(chosen);
    }

    /** A new slot count and size, with the file resized to match, so the slots get validated. */
    private void newGeometry(RingImage image, StringBuilder what) {
        boolean aligned = (image.length() > RingLayout.FLAGS_OFFSET)
                && (image.getUnsignedByte(RingLayout.FLAGS_OFFSET) & RingLayout.FLAG_ALIGN_SLOTS) != 0;
        int unit = aligned ? 64 : 8;
        int slotCount = random.nextBoolean() ? 1 << random.nextInt(7) : 1 + random.nextInt(70);
        int slotSize = unit * (1 + random.nextInt(4096 / unit));
        image.resize((int) RingLayout.segmentSize(slotCount, slotSize))
                .putInt(RingLayout.SLOT_COUNT_OFFSET, slotCount)
                .putInt(RingLayout.SLOT_SIZE_OFFSET, slotSize);
        what.append("geometry ").append(slotCount).append('x').append(slotSize);
    }

    /** Indices and slot contents as a live ring might leave them, possibly off by one somewhere. */
    private void plausibleTraffic(RingImage image, StringBuilder what) {
        int slots = image.config().slotCount();
        long written = random.nextInt(5 * slots + 1);
        long read = Math.max(0, written - random.nextInt(slots + 2));
        image.putLong(RingLayout.WRITE_INDEX_OFFSET, written).putLong(image.readIndexOffset(), read);
        for (long n = Math.max(0, written - slots); n < written; n++) {
            int slot = (int) (n % slots);
            image.putLong(image.slot(slot), RingLayout.committed(n))
                    .putInt(image.slot(slot) + RingLayout.SLOT_LENGTH_OFFSET, random.nextInt(image.config().maxPayload() + 2));
        }
        what.append("traffic written=").append(written).append(" read=").append(read);
    }

    private void indices(RingImage image, StringBuilder what) {
        long written = random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
        long read = random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
        image.putLong(RingLayout.WRITE_INDEX_OFFSET, written).putLong(image.readIndexOffset(), read);
        what.append("indices written=").append(written).append(" read=").append(read);
    }

    /** A boundary value, the current value nudged, or a random one, fitting {@code width} bytes. */
    private long interesting(RingImage image, long offset, int width) {
        long current = offset + width <= image.length() ? get(image, offset, width) : 0;
        return switch (random.nextInt(4)) {
            case 0 -> BOUNDARIES[random.nextInt(BOUNDARIES.length)];
            case 1 -> current + random.nextInt(-9, 10);
            case 2 -> current * 2;
            default -> random.nextLong();
        };
    }

    private static void put(RingImage image, long offset, int width, long value) {
        switch (width) {
            case 8 -> image.putLong(offset, value);
            case 4 -> image.putInt(offset, (int) value);
            default -> image.putByte(offset, (int) value);
        }
    }

    private static long get(RingImage image, long offset, int width) {
        return switch (width) {
            case 8 -> image.getLong(offset);
            case 4 -> image.getInt(offset);
            default -> image.getUnsignedByte(offset);
        };
    }

    /** Valid images of varied configurations, the starting points of the damage. */
    static List<RingConfig> seedConfigs() {
        List<RingConfig> configs = new ArrayList<>();
        configs.add(RingConfig.of(1, 8));
        configs.add(RingConfig.of(4, 48));
        configs.add(unaligned(3, 100).withPadding(Padding.PACKED));
        configs.add(RingConfig.of(8, 24).withMode(RingMode.OVERWRITE).withPadding(Padding.PAD_64)
                .withMemoryOrder(MemoryOrder.FENCED).withReaderPoll(ReaderPoll.WRITE_INDEX));
        configs.add(RingConfig.of(5, 200).withMode(RingMode.OVERWRITE).withCacheRemoteIndex(false)
                .withMemoryOrder(MemoryOrder.PLAIN));
        configs.add(unaligned(16, 8).withMemoryOrder(MemoryOrder.OPAQUE));
        return configs;
    }

    /**
     * Slots on 8-byte boundaries from the start: {@code RingConfig.of(...).withAlignSlots(false)} may
     * keep the payload limit rounded for 64-byte slots, and so a slot size that is a multiple of 64.
     */
    static RingConfig unaligned(int slotCount, int maxPayload) {
        return new RingConfig(slotCount, maxPayload, RingMode.BLOCKING, Padding.PAD_128, MemoryOrder.RELEASE_ACQUIRE,
                true, false, ReaderPoll.SLOT_SEQUENCE);
    }
}
