package io.shmbench.transport;

/** A message exceeds what the channel (or the transport on this host) carries; the message names the limit. */
public class MessageTooLargeException extends ChannelException {
    public MessageTooLargeException(String message) {
        super(message);
    }
}
