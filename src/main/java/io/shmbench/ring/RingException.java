package io.shmbench.ring;

/** Base of every error the ring reports; the message says what is wrong and, where it helps, what to do. */
public class RingException extends RuntimeException {
    public RingException(String message) {
        super(message);
    }

    public RingException(String message, Throwable cause) {
        super(message, cause);
    }
}
