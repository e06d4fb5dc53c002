package io.shmbench.ipc;

/** The other end closed its side or its process died, while this side was waiting for it. */
public class PeerGoneException extends ChannelException {
    public PeerGoneException(String message) {
        super(message);
    }

    public PeerGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
