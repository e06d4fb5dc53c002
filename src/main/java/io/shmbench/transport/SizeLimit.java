package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;

/**
 * The largest message a transport carries on this host, and why, so a benchmark can report a
 * size as "unsupported" instead of failing half-way.
 *
 * @param maxBytes largest message in bytes (0: the transport carries no payload)
 * @param reason   where the limit comes from and, when it is a host setting, how to raise it
 */
public record SizeLimit(int maxBytes, String reason) {
    public boolean allows(int size) {
        return size <= maxBytes;
    }

    /** The error for a size over the limit, naming the transport and the limit. */
    public MessageTooLargeException tooLarge(String transport, long size) {
        return new MessageTooLargeException(transport + " cannot carry a message of " + size + " bytes: at most "
                + maxBytes + " bytes (" + reason + ")");
    }
}
