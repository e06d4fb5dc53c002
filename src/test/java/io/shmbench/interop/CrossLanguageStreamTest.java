package io.shmbench.interop;

import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.Padding;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 probe messages through one ring between two processes in different languages (Java, C,
 * Python; every pair, C and Python also with themselves), the reader checking every message's
 * sequence number and CRC-32. BLOCKING must deliver every message in order; OVERWRITE at full speed
 * may skip, but every message is delivered whole or counted missed: delivered + missed = written.
 * Python gets the same 100,000: it moves them in one to two seconds here.
 *
 * <p>The two modes also use two geometries: BLOCKING the default layout (8 slots, aligned, indices
 * 128 bytes apart), OVERWRITE a slot count that is no power of two (modulo), unaligned slots and
 * packed indices, so every reader's offsets are exercised.
 */
@ExtendWith(NoLeaks.class)
class CrossLanguageStreamTest {
    static final long MESSAGES = 100_000;
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A whole run, start-up included, on a loaded machine. */
    static final Duration RUN_DEADLINE = Duration.ofMinutes(3);

    enum Side { JAVA, C, PYTHON }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (RingMode mode : RingMode.values()) {
            for (Side writer : Side.values()) {
                for (Side reader : Side.values()) {
                    if (writer != Side.JAVA || reader != Side.JAVA) {
                        pairs.add(Arguments.of(writer, reader, mode));
                    }
                }
            }
        }
        return pairs.stream();
    }

    static RingConfig config(RingMode mode) {
        return mode == RingMode.BLOCKING ? RingConfig.of(8, 256)
                : RingConfig.of(5, 200).withMode(RingMode.OVERWRITE).withPadding(Padding.PACKED).withAlignSlots(false);
    }

    @ParameterizedTest(name = "{0} writer -> {1} reader, {2}")
    @MethodSource("pairs")
    void everyMessageArrivesWholeOrIsCountedMissed(Side writer, Side reader, RingMode mode) throws Exception {
        for (Side side : List.of(writer, reader)) {
            if (side != Side.JAVA) {
                PeerProgram.valueOf(side.name()).require();
            }
        }
        try (TempRing temp = TempRing.create(config(mode))) {
            String name = temp.ring().path().getFileName().toString();
            String modeName = mode.name().toLowerCase(java.util.Locale.ROOT);
            int largest = temp.ring().config().maxPayload();
            List<String> common = List.of("--mode", modeName, "--count", Long.toString(MESSAGES), "--timeout",
                    Long.toString(TIMEOUT.toSeconds()));
            try (Peers peers = new Peers()) {
                CompletableFuture<Tally> read;
                if (reader == Side.JAVA) {
                    read = CompletableFuture.supplyAsync(() -> JavaPeer.read(temp.ring(), MESSAGES, LapPolicy.DEFAULT, TIMEOUT));
                } else {
                    PeerRun run = peers.add(PeerRun.start(PeerProgram.valueOf(reader.name()), "reader", name,
                            concat(common, "--quiet")));
                    read = CompletableFuture.supplyAsync(() -> {
                        int exit = run.awaitExit(RUN_DEADLINE);
                        assertEquals(0, exit, "the reader ends well" + run.describe());
                        return Tally.of(run.summary());
                    });
                }
                // The writer starts once the reader is there, so that in OVERWRITE mode the two overlap.
                Await.until("the reader attached", TIMEOUT, () -> read.isDone()
                        || temp.ring().readerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE);
                if (writer == Side.JAVA) {
                    JavaPeer.write(temp.ring(), MESSAGES, largest, TIMEOUT);
                } else {
                    PeerRun run = peers.add(PeerRun.start(PeerProgram.valueOf(writer.name()), "writer", name, common.toArray(String[]::new)));
                    assertEquals(0, run.awaitExit(RUN_DEADLINE), "the writer ends well" + run.describe());
                    assertEquals(Map.of("written", MESSAGES, "first", 0L), run.summary(), run.describe());
                }
                Tally tally = read.get(RUN_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                System.out.printf("%s -> %s, %s: %s%n", writer, reader, mode, tally);
                assertEquals(0, tally.corrupt(), "no message fails its CRC or sequence: " + tally);
                assertEquals(MESSAGES, tally.position(), "the reader accounted for every message: " + tally);
                assertTrue(tally.booksBalance(), "delivered + missed = written: " + tally);
                if (mode == RingMode.BLOCKING) {
                    assertEquals(MESSAGES, tally.delivered(), "BLOCKING delivers everything: " + tally);
                } else {
                    assertTrue(tally.delivered() > 0, "something was delivered: " + tally);
                }
            }
        }
    }

    private static String[] concat(List<String> options, String... more) {
        return Stream.concat(options.stream(), Stream.of(more)).toArray(String[]::new);
    }
}
