package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.queue.MappedQueue;
import io.shmbench.queue.QueueAppender;
import io.shmbench.queue.QueueException;
import io.shmbench.queue.QueueTailer;

import java.lang.foreign.MemorySegment;

/**
 * A {@link Channel} over two of the suite's Chronicle-style queues ({@code io.shmbench.queue}), one
 * per direction: a send appends a record ({@link QueueAppender#append}: claim, copy the payload in,
 * publish with release); a receive polls the next record's header word (acquire) and copies the
 * payload out. The queue never fills (it rolls over to a new chunk file), so a send never waits; rolling over creates and maps a
 * file, the one step on this path that allocates (once per 64 records of the largest size).
 */
final class ChronicleStyleChannel extends BaseChannel {
    private static final String FOR_MESSAGE = "for a record";

    private final MappedQueue outQueue;
    private final MappedQueue inQueue;
    private final QueueAppender appender;
    private final QueueTailer tailer;
    private final boolean deleteOnClose;

    /** @param deleteOnClose the parent's end removes both queue directories when it closes */
    ChronicleStyleChannel(ChannelConfig config, PeerWatch peer, MappedQueue outQueue, MappedQueue inQueue, boolean deleteOnClose) {
        super(ChronicleStyleTransport.NAME, config, peer);
        this.outQueue = outQueue;
        this.inQueue = inQueue;
        this.deleteOnClose = deleteOnClose;
        try {
            this.appender = outQueue.appender();
            this.tailer = inQueue.tailer(config.waitMode().sharedMemoryStrategy());
        } catch (QueueException e) {
            throw new ChannelException(ChronicleStyleTransport.NAME + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(MemorySegment message, int length) {
        checkSend(message, length);
        appender.append(message, 0, length);
    }

    @Override
    public int receive(MemorySegment buffer) {
        checkReceive(buffer);
        int length;
        wait.reset();
        while ((length = tailer.poll()) < 0) {
            wait.idle(FOR_MESSAGE);
        }
        MemorySegment.copy(tailer.buffer(), tailer.offset(), buffer, 0, length);
        return length;
    }

    @Override
    void release() {
        if (deleteOnClose) {
            try {
                outQueue.delete();
            } finally {
                inQueue.delete();
            }
        } else {
            try {
                outQueue.close();
            } finally {
                inQueue.close();
            }
        }
    }
}
