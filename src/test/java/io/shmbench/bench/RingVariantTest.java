package io.shmbench.bench;

import io.shmbench.ring.MemoryOrder;
import io.shmbench.ring.Padding;
import io.shmbench.ring.ReaderPoll;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From a benchmark's parameters to the ring it measures: what is swept is set, the rest stays default. */
class RingVariantTest {
    @Test
    void everySweptSettingReachesTheRing() {
        RingVariant variant = RingVariant.of(Map.of("slots", "5", "messageBytes", "40", "memoryOrder", "PLAIN",
                "padding", "PACKED", "cacheRemoteIndex", "false", "alignSlots", "false", "readerPoll", "WRITE_INDEX"));
        RingConfig expected = new RingConfig(5, 40, RingMode.BLOCKING, Padding.PACKED, MemoryOrder.PLAIN, false, false,
                ReaderPoll.WRITE_INDEX);
        assertEquals(expected, variant.config());
        assertEquals(40, variant.messageBytes());
    }

    @Test
    void whatABenchmarkDoesNotSweepIsTheDefaultRing() {
        RingVariant variant = RingVariant.of(Map.of("messageBytes", "64", "transport", "ignored"));
        assertEquals(RingConfig.of(RingVariant.DEFAULT_SLOTS, 64), variant.config());
    }

    @Test
    void aBadOrMissingValueNamesTheParameter() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> RingVariant.of(Map.of("slots", "4")));
        assertTrue(missing.getMessage().contains("messageBytes"), missing.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> RingVariant.of(Map.of("messageBytes", "64", "memoryOrder", "SEQ_CST")));
        assertTrue(order.getMessage().startsWith("@Param memoryOrder = 'SEQ_CST' is not valid"), order.getMessage());
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> RingVariant.of(Map.of("messageBytes", "64", "alignSlots", "yes")));
        assertTrue(flag.getMessage().contains("alignSlots"), flag.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RingVariant.of(Map.of("messageBytes", "64", "slots", "0")));
    }
}
