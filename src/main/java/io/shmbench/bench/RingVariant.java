package io.shmbench.bench;

import io.shmbench.measure.SeriesName;
import io.shmbench.message.CheckedMessage;
import io.shmbench.ring.MemoryOrder;
import io.shmbench.ring.Padding;
import io.shmbench.ring.ReaderPoll;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.SlotRelease;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.Map;

/**
 * The ring a benchmark's {@code @Param}s describe, and how its readers release a consumed slot
 * ({@code slotRelease}, a reader option the ring's header does not carry), read by name, so the question classes only
 * declare the parameters they sweep and share one set of JMH states ({@link RingRoundTrip},
 * {@link RingStream}, {@link OverwriteReading}). Names are the results contract's where it has
 * one (docs/RESULTS-FORMAT.md: {@code slots}, {@code memoryOrder}, {@code padding},
 * {@code messageBytes}); a parameter a benchmark does not declare keeps the default of
 * {@link RingConfig#of}, with {@value #DEFAULT_SLOTS} slots, and {@link SlotRelease#DEFAULT}.
 * {@code messageBytes} is required.
 */
record RingVariant(RingConfig config, SlotRelease slotRelease, int messageBytes) {
    static final String SLOTS = "slots";
    static final String MESSAGE_BYTES = "messageBytes";
    static final String MEMORY_ORDER = "memoryOrder";
    static final String PADDING = "padding";
    static final String CACHE_REMOTE_INDEX = "cacheRemoteIndex";
    static final String ALIGN_SLOTS = "alignSlots";
    static final String READER_POLL = "readerPoll";
    static final String SLOT_RELEASE = "slotRelease";
    /** Slots when a benchmark does not sweep them: the transports' default depth. */
    static final int DEFAULT_SLOTS = 64;

    static RingVariant of(BenchmarkParams benchmark) {
        return of(SeriesName.of(benchmark).params());
    }

    /**
     * @throws IllegalArgumentException naming the parameter when a value does not parse or {@code messageBytes} is missing
     */
    static RingVariant of(Map<String, String> params) {
        String bytes = params.get(MESSAGE_BYTES);
        if (bytes == null) {
            throw new IllegalArgumentException("a ring benchmark declares @Param " + MESSAGE_BYTES + "; it has only " + params.keySet());
        }
        int messageBytes = CheckedMessage.checkLength(parse(MESSAGE_BYTES, bytes, Integer::parseInt));
        int slots = parse(SLOTS, params.getOrDefault(SLOTS, "" + DEFAULT_SLOTS), Integer::parseInt);
        RingConfig defaults = RingConfig.of(slots, messageBytes);
        // One construction with every setting: RingConfig rounds the payload up to the slot, and a
        // with-copy would keep the rounding of the aligned default when alignSlots is false.
        RingConfig config = new RingConfig(slots, messageBytes, defaults.mode(),
                value(params, PADDING, Padding::valueOf, defaults.padding()),
                value(params, MEMORY_ORDER, MemoryOrder::valueOf, defaults.memoryOrder()),
                value(params, CACHE_REMOTE_INDEX, RingVariant::bool, defaults.cacheRemoteIndex()),
                value(params, ALIGN_SLOTS, RingVariant::bool, defaults.alignSlots()),
                value(params, READER_POLL, ReaderPoll::valueOf, defaults.readerPoll()));
        return new RingVariant(config, value(params, SLOT_RELEASE, SlotRelease::valueOf, SlotRelease.DEFAULT), messageBytes);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T value(Map<String, String> params, String name, Parser<T> parser, T otherwise) {
        String text = params.get(name);
        return text == null ? otherwise : parse(name, text, parser);
    }

    private static <T> T parse(String name, String value, Parser<T> parser) {
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Param " + name + " = '" + value + "' is not valid: " + e.getMessage(), e);
        }
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
