package io.shmbench.queue;

/** Base of every error the queue reports; the message names the directory or chunk file and what is wrong. */
public class QueueException extends RuntimeException {
    public QueueException(String message) {
        super(message);
    }

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
