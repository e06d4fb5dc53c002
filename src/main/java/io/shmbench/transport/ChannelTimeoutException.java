package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;

/** A blocking call reached {@link ChannelConfig#timeout()} while the peer was still alive. */
public class ChannelTimeoutException extends ChannelException {
    public ChannelTimeoutException(String message) {
        super(message);
    }
}
