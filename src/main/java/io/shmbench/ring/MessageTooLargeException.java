package io.shmbench.ring;

/** A message does not fit in one slot. */
public class MessageTooLargeException extends RingException {
    public MessageTooLargeException(int length, int maxPayload) {
        super("message of " + length + " bytes does not fit in a slot of this ring (at most " + maxPayload
                + " bytes); create the ring with a larger maxPayload");
    }
}
