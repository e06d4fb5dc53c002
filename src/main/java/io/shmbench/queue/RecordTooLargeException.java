package io.shmbench.queue;

/** A record does not fit in one chunk; records never straddle chunks. */
public class RecordTooLargeException extends QueueException {
    public RecordTooLargeException(long length, QueueConfig config) {
        super("a record of " + length + " bytes does not fit in a chunk of " + config.chunkSize()
                + " bytes (at most " + config.maxPayload() + " payload bytes per record); create the queue with a larger chunk size");
    }
}
