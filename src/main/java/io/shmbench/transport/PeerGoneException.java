package io.shmbench.transport;

/** The other end closed its side or its process died. */
public class PeerGoneException extends ChannelException {
    public PeerGoneException(String message) {
        super(message);
    }

    public PeerGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
