package io.shmbench.ring;

/** A wait reached its deadline: the peer did not make room or publish in time. */
public class RingTimeoutException extends RingException {
    public RingTimeoutException(String message) {
        super(message);
    }
}
