package io.shmbench.ipc;

/**
 * Base of every error of a channel between two processes: a transport's (the transport package),
 * the ring's ({@code RingException}) and the ones they share ({@link PeerGoneException},
 * {@link MessageTooLargeException}). The message names the transport or ring and what to do.
 */
public class ChannelException extends RuntimeException {
    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
