package io.shmbench.ipc;

/** A message exceeds what the channel (a ring's slot, or the transport on this host) carries; the message names the limit. */
public class MessageTooLargeException extends ChannelException {
    public MessageTooLargeException(String message) {
        super(message);
    }
}
