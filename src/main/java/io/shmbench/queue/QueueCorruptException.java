package io.shmbench.queue;

/**
 * A file of the queue does not follow {@link QueueLayout}: a bad chunk header, a truncated chunk, a
 * record header word or index word that cannot be right. The message names the file and the offset.
 */
public class QueueCorruptException extends QueueException {
    public QueueCorruptException(String message) {
        super(message);
    }
}
