package io.shmbench.transport;

/** Base of every error a channel or transport reports; the message names the transport and what to do. */
public class ChannelException extends RuntimeException {
    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
