package io.shmbench.queue;

/** A tailer's wait reached its deadline without a new record. */
public class QueueTimeoutException extends QueueException {
    public QueueTimeoutException(String message) {
        super(message);
    }
}
