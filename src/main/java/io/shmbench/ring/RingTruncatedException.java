package io.shmbench.ring;

/**
 * The segment file was truncated under this process: the pages the ring lives in are gone from the
 * mapping, so the ring cannot be used any more (a new ring is needed). The cause, when there is
 * one, is the JVM's {@link InternalError} for the SIGBUS the lost page raised.
 */
public class RingTruncatedException extends RingException {
    public RingTruncatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
