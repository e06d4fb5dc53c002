package io.shmbench.soak;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakSettingsTest {
    @Test
    void messageLengthsSpanTheWholeRange() {
        int max = 4096;
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (long n = 0; n < 20_000; n++) {
            int length = SoakSettings.lengthOf(n, max);
            assertTrue(length >= SoakSettings.MIN_MESSAGE_SIZE && length <= max, "message " + n + ": " + length);
            shortest = Math.min(shortest, length);
            longest = Math.max(longest, length);
        }
        assertTrue(shortest < SoakSettings.MIN_MESSAGE_SIZE + 10, "short messages occur: " + shortest);
        assertTrue(longest > max - 10, "long messages occur: " + longest);
    }

    @Test
    void aLargestMessageBelowTheMinimumIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoakSettings(java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(1), SoakSettings.MIN_MESSAGE_SIZE - 1));
        assertTrue(e.getMessage().contains("19"), e.getMessage());
    }
}
