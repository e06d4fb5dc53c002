package io.shmbench.ring;

/** The process on the other side died while this side was waiting for it. */
public class PeerGoneException extends RingException {
    public PeerGoneException(String message) {
        super(message);
    }
}
