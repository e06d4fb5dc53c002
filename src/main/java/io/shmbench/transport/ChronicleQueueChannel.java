package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.lang.foreign.MemorySegment;

/**
 * A {@link Channel} over two Chronicle Queues (one per direction): each message is one document,
 * written by an appender and polled by a tailer that starts at the beginning of the queue. A
 * document holds a 4-byte length and the payload (Chronicle pads an empty document, so its own
 * length cannot tell a zero-byte message).
 * Native segments are copied straight to and from the mapped queue file
 * ({@code unsafeWrite}/{@code unsafeRead} with the segment's address, no allocation); heap segments
 * go through their backing array.
 */
final class ChronicleQueueChannel extends BaseChannel {
    private static final String FOR_MESSAGE = "for a message";

    private final ChronicleQueue outQueue;
    private final ChronicleQueue inQueue;
    private final ExcerptAppender appender;
    private final ExcerptTailer tailer;
    private final Runnable onClose;

    ChronicleQueueChannel(ChannelConfig config, PeerWatch peer, ChronicleQueue outQueue, ChronicleQueue inQueue, Runnable onClose) {
        super(ChronicleQueueTransport.NAME, config, peer);
        this.outQueue = outQueue;
        this.inQueue = inQueue;
        this.appender = outQueue.createAppender();
        this.tailer = inQueue.createTailer();
        this.onClose = onClose;
    }

    @Override
    public void send(MemorySegment message, int length) {
        checkSend(message, length);
        try (DocumentContext document = appender.writingDocument()) {
            Bytes<?> bytes = document.wire().bytes();
            bytes.writeInt(length);
            if (message.isNative()) {
                bytes.unsafeWrite(message.address(), length);
            } else {
                bytes.write(byteArrayOf(message), (int) message.address(), length);
            }
        }
    }

    @Override
    public int receive(MemorySegment buffer) {
        checkReceive(buffer);
        wait.reset();
        while (true) {
            try (DocumentContext document = tailer.readingDocument()) {
                if (document.isPresent()) {
                    Bytes<?> bytes = document.wire().bytes();
                    int length = bytes.readInt();
                    if (length < 0 || length > maxMessageSize || length > bytes.readRemaining()) {
                        throw new ChannelException(ChronicleQueueTransport.NAME + ": a document says it holds " + length
                                + " bytes; it has " + bytes.readRemaining() + " and the channel's largest message is " + maxMessageSize);
                    }
                    if (buffer.isNative()) {
                        bytes.unsafeRead(buffer.address(), length);
                    } else {
                        bytes.read(byteArrayOf(buffer), (int) buffer.address(), length);
                    }
                    return length;
                }
            }
            wait.idle(FOR_MESSAGE);
        }
    }

    /** Chronicle's Bytes copy to and from native addresses or byte arrays; a heap segment over another array type cannot be passed. */
    private static byte[] byteArrayOf(MemorySegment heap) {
        if (heap.heapBase().orElse(null) instanceof byte[] array) {
            return array;
        }
        throw new IllegalArgumentException(ChronicleQueueTransport.NAME + ": a heap segment must be backed by a byte[]"
                + " (this one is over " + heap.heapBase().map(o -> o.getClass().getSimpleName()).orElse("nothing") + ")");
    }

    @Override
    void release() {
        try {
            tailer.close();
            appender.close();
            outQueue.close();
            inQueue.close();
        } finally {
            onClose.run();
        }
    }
}
