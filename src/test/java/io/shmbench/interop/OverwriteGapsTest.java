package io.shmbench.interop;

import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OVERWRITE readers in C and Python count their gaps exactly, under both lap policies.
 *
 * <p>A reader that comes after the writer wrote 1,000 messages into 4 slots: resuming at the
 * oldest it delivers 996..999 and misses 996; at the newest it delivers 999 and misses 999, the
 * first line saying so. A slow reader (100 wake-ups a second) behind a fast writer (2,000 a
 * second): how much it loses depends on timing, so only the books are checked: every message
 * delivered whole or counted missed, the per-message "missed" fields adding up to the total.
 */
@ExtendWith(NoLeaks.class)
class OverwriteGapsTest {
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final int SLOTS = 4;
    private static final long WRITTEN = 1000;
    private static final Pattern LINE = Pattern.compile("seq=(\\d+) age_ms=[0-9.]+ missed=(\\d+) length=(\\d+)");

    /** Each reader language with a writer of another language, under each policy. */
    static Stream<Arguments> readersAndPolicies() {
        return Stream.of(LapPolicy.values()).flatMap(policy -> Stream.of(
                Arguments.of(PeerProgram.C, PeerProgram.PYTHON, policy),
                Arguments.of(PeerProgram.PYTHON, PeerProgram.C, policy)));
    }

    @ParameterizedTest(name = "{0} writer, {1} reader, resume {2}")
    @MethodSource("readersAndPolicies")
    void aReaderComingAfterTheWriterCountsExactlyWhatWasOverwritten(PeerProgram writer, PeerProgram reader, LapPolicy policy) {
        writer.require();
        reader.require();
        try (TempRing temp = TempRing.create(RingConfig.of(SLOTS, 64).withMode(RingMode.OVERWRITE)); Peers peers = new Peers()) {
            String name = temp.ring().path().getFileName().toString();
            PeerRun write = peers.add(PeerRun.start(writer, "writer", name, "--mode", "overwrite", "--count", Long.toString(WRITTEN)));
            assertEquals(0, write.awaitExit(DEADLINE), write.describe());
            PeerRun read = peers.add(PeerRun.start(reader, "reader", name, "--mode", "overwrite", "--count", Long.toString(WRITTEN),
                    "--policy", policy.name().toLowerCase(Locale.ROOT)));
            assertEquals(0, read.awaitExit(DEADLINE), read.describe());

            long first = policy == LapPolicy.OLDEST ? WRITTEN - SLOTS : WRITTEN - 1;
            List<String> lines = read.stdout().lines().filter(l -> l.startsWith("seq=")).toList();
            assertEquals(WRITTEN - first, lines.size(), "one line per message delivered" + read.describe());
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = matched(lines.get(i));
                assertEquals(first + i, Long.parseLong(m.group(1)), read.describe());
                assertEquals(i == 0 ? first : 0, Long.parseLong(m.group(2)), "the first line says what was skipped" + read.describe());
            }
            assertEquals(new Tally(WRITTEN - first, first, 0, 0, WRITTEN), Tally.of(read.summary()), read.describe());
        }
    }

    @ParameterizedTest(name = "C writer, {1} reader, resume {2}")
    @MethodSource("readersAndPolicies")
    void aSlowReaderBehindAFastWriterAccountsForEveryMessage(PeerProgram ignored, PeerProgram reader, LapPolicy policy) {
        PeerProgram.C.require();
        reader.require();
        long written = 2000;
        try (TempRing temp = TempRing.create(RingConfig.of(SLOTS, 64).withMode(RingMode.OVERWRITE)); Peers peers = new Peers()) {
            String name = temp.ring().path().getFileName().toString();
            PeerRun read = peers.add(PeerRun.start(reader, "reader", name, "--mode", "overwrite", "--count", Long.toString(written),
                    "--rate", "100", "--policy", policy.name().toLowerCase(Locale.ROOT)));
            PeerRun write = peers.add(PeerRun.start(PeerProgram.C, "writer", name, "--mode", "overwrite", "--count",
                    Long.toString(written), "--rate", "2000"));
            assertEquals(0, write.awaitExit(DEADLINE), write.describe());
            assertEquals(0, read.awaitExit(DEADLINE), read.describe());

            Tally tally = Tally.of(read.summary());
            List<Matcher> lines = read.stdout().lines().filter(l -> l.startsWith("seq=")).map(OverwriteGapsTest::matched).toList();
            long missedBeforeMessages = lines.stream().mapToLong(m -> Long.parseLong(m.group(2))).sum();
            System.out.printf("slow %s reader, resume %s: %s%n", reader, policy, tally);
            assertEquals(0, tally.corrupt(), read.describe());
            assertEquals(written, tally.position(), read.describe());
            assertTrue(tally.booksBalance(), "delivered + missed = written: " + tally);
            assertEquals(tally.delivered(), lines.size(), "one line per delivered message");
            long lastDelivered = lines.isEmpty() ? -1 : Long.parseLong(lines.getLast().group(1));
            assertEquals(tally.missed(), missedBeforeMessages + (written - 1 - lastDelivered),
                    "the per-message gaps and the skipped tail add up to the total missed" + read.describe());
            long previous = -1;
            for (Matcher m : lines) {
                long sequence = Long.parseLong(m.group(1));
                assertEquals(previous + 1 + Long.parseLong(m.group(2)), sequence, "each gap is exactly the numbers skipped");
                previous = sequence;
            }
        }
    }

    private static Matcher matched(String line) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), "a message line: " + line);
        return m;
    }
}
