package io.shmbench.transport;

import io.shmbench.process.JavaCommand;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agrona runs with shm-ring's capacity in bytes (to the nearest power of two) and without its bounds checks. */
class AgronaSettingsTest {
    @ParameterizedTest(name = "{0} B at depth {1}")
    @CsvSource({
            // size, depth, shm-ring's slot bytes, Agrona's capacity
            "8, 64, 4096, 4096",          // equal
            "64, 64, 8192, 8192",         // equal
            "256, 64, 20480, 16384",      // 20% fewer: 32768 would be 60% more
            "2048, 64, 135168, 131072",   // 3% fewer
            "2880, 64, 188416, 262144",   // 39% more: 131072 would be 30% fewer
            "65536, 64, 4198400, 4194304",
            "2048, 1, 2112, 16384",       // Agrona's capacity/8 rule wins below 8 slots
            "0, 64, 4096, 4096"})
    void capacityIsTheNearestPowerOfTwoToTheRingsSlotBytes(int size, int depth, long ringBytes, int agronaBytes) {
        ChannelConfig config = ChannelConfig.of(size).withDepth(depth);
        assertEquals(ringBytes, ShmRingTransport.slotBytes(config));
        assertEquals(agronaBytes, AgronaTransport.capacity(config));
        assertTrue(AgronaTransport.capacity(config) / 8 >= size, "Agrona carries at most capacity/8 per message");
    }

    @Test
    void nearestPowerOfTwoGoesByRatio() {
        assertEquals(1024, AgronaTransport.nearestPowerOfTwo(1024));
        assertEquals(1024, AgronaTransport.nearestPowerOfTwo(1448)); // 1448 < 1024 * sqrt(2) = 1448.2
        assertEquals(2048, AgronaTransport.nearestPowerOfTwo(1449));
        assertEquals(1L << 32, AgronaTransport.nearestPowerOfTwo((1L << 32) + 5));
    }

    @Test
    void everySuiteJvmRunsAgronaWithoutBoundsChecks() {
        assertTrue(JavaCommand.FLAGS.contains("-D" + AgronaTransport.DISABLE_BOUNDS_CHECKS + "=true"), JavaCommand.FLAGS.toString());
        assertEquals(AgronaTransport.DISABLE_BOUNDS_CHECKS, DirectBuffer.DISABLE_BOUNDS_CHECKS_PROP_NAME);
        assertFalse(DirectBuffer.SHOULD_BOUNDS_CHECK, "this test JVM too (pom.xml's shmbench.jvm.flags)");
    }
}
