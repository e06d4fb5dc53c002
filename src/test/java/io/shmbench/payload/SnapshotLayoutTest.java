package io.shmbench.payload;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotLayoutTest {
    static Stream<Arguments> shapes() {
        List<Arguments> shapes = new ArrayList<>();
        for (PayloadLayout layout : PayloadLayout.values()) {
            for (int[] shape : new int[][] {{1, 1}, {3, 5}, {16, 16}, {64, 7}, {256, 16}}) {
                shapes.add(Arguments.of(layout, shape[0], shape[1]));
            }
        }
        return shapes.stream();
    }

    /** Fills a segment of exactly the layout's size, pre-filled with garbage so unwritten bytes show. */
    private static MemorySegment written(Arena arena, SnapshotLayout layout, Telemetry telemetry) {
        MemorySegment segment = arena.allocate(layout.byteSize(), 64);
        segment.fill((byte) 0x5A);
        layout.write(segment, telemetry);
        return segment;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void readsBackEveryValueItWrote(PayloadLayout kind, int servers, int features) {
        SnapshotLayout layout = kind.of(servers, features);
        Telemetry telemetry = Telemetry.random(servers, features, 7L * servers + features);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment snapshot = written(arena, layout, telemetry);

            SnapshotHeader.check(snapshot, layout);
            assertEquals(telemetry.sequence(), SnapshotHeader.sequence(snapshot));
            assertEquals(telemetry.timestampNanos(), SnapshotHeader.timestampNanos(snapshot));
            for (int s = 0; s < servers; s++) {
                assertEquals(telemetry.serverId(s), layout.serverId(snapshot, s));
                assertEquals(telemetry.status(s), layout.status(snapshot, s));
                assertEquals(telemetry.updatedNanos(s), layout.updatedNanos(snapshot, s));
                for (int f = 0; f < features; f++) {
                    assertEquals(Float.floatToRawIntBits(telemetry.feature(s, f)),
                            Float.floatToRawIntBits(layout.feature(snapshot, s, f)), "server " + s + " feature " + f);
                }
            }
            assertEquals(telemetry.checksum(), layout.checksum(snapshot));
            for (int f = 0; f < features; f++) {
                assertEquals(telemetry.sumFeature(f), layout.sumFeature(snapshot, f), 0.0, "feature " + f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theThreeLayoutsHoldTheSameValues(PayloadLayout ignored, int servers, int features) {
        Telemetry telemetry = Telemetry.random(servers, features, 99);
        try (Arena arena = Arena.ofConfined()) {
            SnapshotLayout aos = PayloadLayout.AOS.of(servers, features);
            SnapshotLayout soa = PayloadLayout.SOA.of(servers, features);
            SnapshotLayout hybrid = PayloadLayout.HYBRID.of(servers, features);
            MemorySegment a = written(arena, aos, telemetry);
            MemorySegment s = written(arena, soa, telemetry);
            MemorySegment h = written(arena, hybrid, telemetry);

            assertEquals(aos.checksum(a), soa.checksum(s));
            assertEquals(aos.checksum(a), hybrid.checksum(h));
            for (int server = 0; server < servers; server++) {
                for (int f = 0; f < features; f++) {
                    float v = aos.feature(a, server, f);
                    assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(soa.feature(s, server, f)));
                    assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(hybrid.feature(h, server, f)));
                }
                assertEquals(aos.serverId(a, server), soa.serverId(s, server));
                assertEquals(aos.serverId(a, server), hybrid.serverId(h, server));
                assertEquals(aos.updatedNanos(a, server), hybrid.updatedNanos(h, server));
                assertEquals(aos.status(a, server), soa.status(s, server));
            }
            for (int f = 0; f < features; f++) {
                assertEquals(aos.sumFeature(a, f), soa.sumFeature(s, f), 0.0);
                assertEquals(aos.sumFeature(a, f), hybrid.sumFeature(h, f), 0.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadLayout.class)
    void aChangedValueChangesTheChecksum(PayloadLayout kind) {
        SnapshotLayout layout = kind.of(8, 4);
        Telemetry telemetry = Telemetry.random(8, 4, 1);
        try (Arena arena = Arena.ofConfined()) {
            long before = layout.checksum(written(arena, layout, telemetry));
            telemetry.setFeature(5, 3, telemetry.feature(5, 3) + 1);
            assertTrue(before != layout.checksum(written(arena, layout, telemetry)));
        }
    }

    @Test
    void columnLayoutsStartEveryFeatureOnACacheLine() {
        // 5 servers' floats (20 bytes) per column, padded to 64: the aggregate reads whole lines of one feature.
        assertEquals(64 + 3 * 64 + 5 * 64, PayloadLayout.SOA.of(5, 5).byteSize());
        assertEquals(64 + 128 + 5 * 64, PayloadLayout.HYBRID.of(5, 5).byteSize());
        assertEquals(64 + 5 * 40, PayloadLayout.AOS.of(5, 5).byteSize()); // 16 + 20 rounded up to 8
    }

    @Test
    void badInputGetsAClearMessage() {
        assertThrows(IllegalArgumentException.class, () -> PayloadLayout.SOA.of(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new Telemetry(4, -1));
        SnapshotLayout layout = PayloadLayout.AOS.of(4, 4);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment small = arena.allocate(layout.byteSize() - 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> layout.write(small, Telemetry.random(4, 4, 1)));
            assertTrue(e.getMessage().contains(layout.byteSize() + " bytes"), e.getMessage());
            MemorySegment fits = arena.allocate(layout.byteSize());
            assertThrows(IllegalArgumentException.class, () -> layout.write(fits, Telemetry.random(4, 5, 1)));
            layout.write(fits, Telemetry.random(4, 4, 1));
            assertThrows(IllegalArgumentException.class, () -> SnapshotHeader.check(fits, PayloadLayout.HYBRID.of(4, 4)));
            assertThrows(IndexOutOfBoundsException.class, () -> layout.feature(fits, 4, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> layout.sumFeature(fits, 4));
        }
    }
}
