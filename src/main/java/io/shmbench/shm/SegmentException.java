package io.shmbench.shm;

/** A shared segment could not be created, attached or used; the message says which file and why. */
public class SegmentException extends RuntimeException {
    public SegmentException(String message) {
        super(message);
    }

    public SegmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
