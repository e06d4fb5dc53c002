package io.shmbench.placement;

/**
 * A placement could not be carried out: a thread could not be pinned or its affinity read or
 * restored (the message carries the errno text), first-touch work failed or timed out, or memory is
 * not on the node it was meant to be on.
 */
public class PlacementException extends RuntimeException {
    public PlacementException(String message) {
        super(message);
    }

    public PlacementException(String message, Throwable cause) {
        super(message, cause);
    }
}
