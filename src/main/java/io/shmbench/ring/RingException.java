package io.shmbench.ring;

import io.shmbench.ipc.ChannelException;

/**
 * Base of the errors only the ring reports; it also throws the ones every channel shares
 * ({@link ChannelException}). The message says what is wrong and, where it helps, what to do.
 */
public class RingException extends ChannelException {
    public RingException(String message) {
        super(message);
    }

    public RingException(String message, Throwable cause) {
        super(message, cause);
    }
}
