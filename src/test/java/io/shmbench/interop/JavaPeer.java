package io.shmbench.interop;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;

import java.time.Duration;

/** The Java side of an interop test: writes or reads probe messages on a ring, as the C and Python programs do. */
final class JavaPeer {
    private JavaPeer() {
    }

    /** Writes {@code count} probe messages of up to {@code largest} bytes; every wait ends after {@code timeout}. */
    static void write(Ring ring, long count, int largest, Duration timeout) {
        ProbeMessage probe = new ProbeMessage();
        byte[] message = new byte[largest];
        try (RingWriter writer = ring.openWriter(WaitStrategy.PARK)) {
            for (long i = 0; i < count; i++) {
                long n = writer.position();
                int length = ProbeMessage.length(n, largest);
                probe.fill(message, n, length);
                writer.write(message, 0, length, timeout.toNanos());
            }
        }
    }

    /** Reads until {@code count} messages are accounted for, checking each; every wait ends after {@code timeout}. */
    static Tally read(Ring ring, long count, LapPolicy policy, Duration timeout) {
        ProbeMessage probe = new ProbeMessage();
        byte[] message = new byte[ring.config().maxPayload()];
        long delivered = 0;
        long corrupt = 0;
        try (RingReader reader = ring.openReader(WaitStrategy.PARK, policy)) {
            long end = reader.position() + count;
            while (reader.position() < end) {
                int length = reader.read(message, timeout.toNanos());
                delivered++;
                if (!probe.check(message, length, reader.position() - 1)) {
                    corrupt++;
                }
            }
            return new Tally(delivered, reader.missed(), reader.torn(), corrupt, reader.position());
        }
    }
}
