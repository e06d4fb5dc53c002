package io.shmbench.ring;

import io.shmbench.shm.SegmentException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Randomly damaged ring images ({@link RingImageFuzzer}), from a fixed seed so CI is reproducible
 * ({@code -Dshmbench.fuzz.seed=N} explores others, {@code -Dshmbench.fuzz.cases=N} runs more).
 * Each image either attaches with a configuration that agrees with its bytes, and with indices and
 * slots a reader can trust, or is refused with a {@link RingFormatException} or
 * {@link SegmentException} naming the file: never another exception, never a hang.
 *
 * <p>Most images go straight to {@link RingHeaderValidator} in native memory, which is what
 * {@link Ring#attach} runs on the mapping; a smaller number go through real files and attach.
 */
class RingHeaderFuzzTest {
    private static final long SEED = Long.getLong("shmbench.fuzz.seed", 20261126L);
    private static final int IN_MEMORY_CASES = Integer.getInteger("shmbench.fuzz.cases", 100_000);
    private static final int FILE_CASES = Math.max(1, IN_MEMORY_CASES / 50);
    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Path NOMINAL = Path.of("/dev/shm/shmbench-ring-0-fuzz");
    /** Enough failures to see every kind, few enough to read. */
    private static final int REPORTED = 10;

    @TempDir
    static Path dir;
    private static List<RingImage> valid;

    private volatile String current = "(not started)";

    @BeforeAll
    static void validImages() {
        valid = RingImageFuzzer.seedConfigs().stream().map(config -> RingImage.of(dir, config)).toList();
    }

    @Test
    void randomImagesAreRefusedCleanlyOrAttachAsTheyRead() {
        run(IN_MEMORY_CASES, SEED, damaged -> damaged.image().validate(NOMINAL), NOMINAL::toString);
    }

    @Test
    void randomSegmentFilesAreRefusedCleanlyOrAttachAsTheyRead() {
        Path[] file = new Path[1];
        run(FILE_CASES, SEED + 1, damaged -> {
            file[0] = damaged.image().writeTo(dir);
            try (Ring ring = Ring.attach(file[0])) {
                return ring.config();
            } finally {
                file[0].toFile().delete();
            }
        }, () -> file[0].toString());
    }

    private void run(int cases, long seed, Function<RingImageFuzzer.Damaged, RingConfig> attach,
                     Supplier<String> path) {
        RingImageFuzzer fuzzer = new RingImageFuzzer(seed, valid);
        List<String> failures = new ArrayList<>();
        int[] accepted = new int[1];
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int n = 0; n < cases; n++) {
                RingImageFuzzer.Damaged damaged = fuzzer.next();
                current = "case " + n + " of seed " + seed + ": " + damaged.description();
                try {
                    RingConfig config = attach.apply(damaged);
                    accepted[0]++;
                    String wrong = disagreement(damaged.image(), config);
                    if (wrong != null) {
                        failures.add(current + " -> attached, but " + wrong);
                    }
                } catch (RingFormatException | SegmentException e) {
                    if (e.getMessage() == null || !e.getMessage().contains(path.get())) {
                        failures.add(current + " -> message does not name the file: " + e.getMessage());
                    }
                } catch (Throwable e) { // anything else is the bug this test looks for
                    failures.add(current + " -> " + e);
                }
                if (failures.size() >= REPORTED) {
                    break;
                }
            }
        }, () -> "hung (over " + LIMIT + ") at " + current);
        if (!failures.isEmpty()) {
            fail(failures.size() + " damaged images were mishandled (seed " + seed + "):\n" + String.join("\n", failures));
        }
        if (accepted[0] == 0 || accepted[0] == cases) {
            fail("the fuzzer is off: " + accepted[0] + " of " + cases + " images attached; it should make both kinds");
        }
    }

    /**
     * What an image that attached must look like: the configuration read back from its bytes, and
     * indices and slots a reader can trust. Null when all agree, else what does not.
     */
    private static String disagreement(RingImage image, RingConfig config) {
        if (image.getLong(RingLayout.MAGIC_OFFSET) != RingLayout.MAGIC
                || image.getInt(RingLayout.VERSION_OFFSET) != RingLayout.LAYOUT_VERSION
                || image.getInt(RingLayout.HEADER_SIZE_OFFSET) != RingLayout.HEADER_SIZE) {
            return "the magic, version or header size is wrong";
        }
        if (config.slotCount() != image.getInt(RingLayout.SLOT_COUNT_OFFSET)
                || config.slotSize() != image.getInt(RingLayout.SLOT_SIZE_OFFSET)
                || config.maxPayload() != config.slotSize() - RingLayout.SLOT_HEADER_SIZE
                || config.segmentSize() != image.length()) {
            return "the geometry " + config + " differs from the header or the file size " + image.length();
        }
        if (config.mode().ordinal() != image.getUnsignedByte(RingLayout.MODE_OFFSET)
                || config.padding().ordinal() != image.getUnsignedByte(RingLayout.PADDING_OFFSET)
                || config.memoryOrder().ordinal() != image.getUnsignedByte(RingLayout.MEMORY_ORDER_OFFSET)
                || config.flags() != image.getUnsignedByte(RingLayout.FLAGS_OFFSET)) {
            return "the mode, padding, order or flags of " + config + " differ from the header";
        }
        long written = image.getLong(RingLayout.WRITE_INDEX_OFFSET);
        long read = image.getLong(RingLayout.readIndexOffset(config.padding()));
        // A writer that died between its two commit stores leaves the next slot committed one past the index.
        if (written < 0 || read < 0 || read - 1 > written) {
            return "the indices are impossible: written " + written + ", read " + read;
        }
        for (int slot = 0; slot < config.slotCount(); slot++) {
            long offset = RingLayout.slotOffset(slot, config.slotSize());
            long sequence = image.getLong(offset + RingLayout.SLOT_SEQUENCE_OFFSET);
            if (sequence == 0) {
                continue;
            }
            if (sequence < 0 || (sequence - 1) / 2 % config.slotCount() != slot) {
                return "slot " + slot + " holds sequence word " + sequence + " of another slot";
            }
            int length = image.getInt(offset + RingLayout.SLOT_LENGTH_OFFSET);
            if ((sequence & 1) == 0 && (length < 0 || length > config.maxPayload())) {
                return "slot " + slot + " holds a committed message of length " + length;
            }
        }
        return null;
    }
}
