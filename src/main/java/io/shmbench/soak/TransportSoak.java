package io.shmbench.soak;

import io.shmbench.message.CheckedMessage;
import io.shmbench.message.MessageChecksum;
import io.shmbench.transport.Channel;
import io.shmbench.transport.ChannelConfig;
import io.shmbench.transport.PeerProcess;
import io.shmbench.transport.PeerTask;
import io.shmbench.transport.Transport;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A transport under soak: an echoing peer process ({@link PeerTask#echo()}) returns every message,
 * and this side checks each echo's number, length and checksum ({@link MessageChecksum#check}). Up to
 * {@link #WINDOW} messages are in flight at once, so the transport streams rather than strictly
 * alternates, yet never holds more than any transport's buffers take (a POSIX queue holds 10).
 *
 * <p>A channel carries at most {@link #BYTES_PER_CHANNEL} bytes before a fresh peer takes over: the
 * queue transports keep every record on disk while the channel lives, and a whole slice at full
 * speed would fill gigabytes. A transport whose limit is below {@link SoakSettings#MIN_MESSAGE_SIZE}
 * ({@code floor}: no payload) sends empty messages one at a time; only lengths are checked there.
 */
final class TransportSoak implements SoakTarget {
    static final int WINDOW = 4;
    static final long BYTES_PER_CHANNEL = 512L << 20;

    private final Transport transport;

    TransportSoak(Transport transport) {
        this.transport = transport;
    }

    @Override
    public String name() {
        return transport.name();
    }

    @Override
    public java.util.Optional<String> unavailable() {
        return transport.unavailable();
    }

    @Override
    public void runSlice(Slice slice, Tally tally) {
        int size = Math.min(slice.settings().messageSize(), transport.sizeLimit().maxBytes());
        boolean payload = size >= SoakSettings.MIN_MESSAGE_SIZE;
        if (!payload) {
            tally.note(name() + ": carries at most " + size + " bytes (" + transport.sizeLimit().reason()
                    + "); empty messages one at a time, lengths checked, nothing to checksum");
        } else if (size < slice.settings().messageSize()) {
            tally.note(name() + ": sizes capped at " + size + " bytes (" + transport.sizeLimit().reason() + ")");
        }
        ChannelConfig config = ChannelConfig.of(size).withTimeout(SoakSettings.TIMEOUT);
        long end = 0;
        boolean first = true;
        do {
            Session session = new Session(payload ? new MessageChecksum() : null, size, payload ? WINDOW : 1, tally);
            try (Arena arena = Arena.ofConfined();
                 PeerProcess peer = PeerProcess.start(transport, config, PeerTask.echo(), slice.log(name()))) {
                if (first) {
                    end = slice.streamUntil();
                    first = false;
                }
                session.stream(peer.channel(), arena, Math.max(1, size), end, slice);
            } catch (RuntimeException e) {
                tally.failed(name() + ": " + describe(e));
                return;
            } finally {
                tally.unreported(session.sent - session.checked);
            }
        } while (!slice.stopRequested() && System.nanoTime() - end < 0);
    }

    /** One channel's worth of messages: its own numbering from 0. */
    private static final class Session {
        /** Null for empty messages. */
        private final MessageChecksum messages;
        private final int largest;
        private final int window;
        private final Tally tally;
        private long sent;
        private long checked;
        private long bytes;

        Session(MessageChecksum messages, int largest, int window, Tally tally) {
            this.messages = messages;
            this.largest = largest;
            this.window = window;
            this.tally = tally;
        }

        void stream(Channel channel, Arena arena, int bufferSize, long end, Slice slice) {
            MemorySegment out = arena.allocate(bufferSize, 64);
            MemorySegment in = arena.allocate(bufferSize, 64);
            while (!slice.stopRequested() && System.nanoTime() - end < 0 && bytes < BYTES_PER_CHANNEL) {
                while (sent - checked < window) {
                    int length = messages == null ? 0 : SoakSettings.lengthOf(sent, largest);
                    if (messages != null) {
                        messages.writeSealed(out, sent, 0, length);
                    }
                    channel.send(out, length);
                    sent++;
                    tally.sent(1);
                    bytes += length;
                }
                check(in, channel.receive(in));
                slice.progress().tick(tally);
            }
            while (checked < sent) {
                check(in, channel.receive(in));
            }
        }

        private void check(MemorySegment in, int length) {
            long number = checked++;
            if (messages == null) {
                if (length == 0) {
                    tally.received();
                } else {
                    tally.corrupt("echo " + number + " of an empty message came back with " + length + " bytes");
                }
                return;
            }
            int expected = SoakSettings.lengthOf(number, largest);
            MessageChecksum.Verdict verdict = messages.check(in, length, number, expected);
            if (verdict.intact()) {
                tally.received();
            } else {
                tally.corrupt("echo of message " + number + " (" + expected + " bytes): " + verdict
                        + ", got " + length + " bytes" + (length >= 8 ? " numbered " + CheckedMessage.sequence(in) : ""));
            }
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        return e.getClass().getSimpleName() + ": " + message.strip();
    }
}
