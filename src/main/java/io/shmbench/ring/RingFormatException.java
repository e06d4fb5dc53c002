package io.shmbench.ring;

/** The segment is not a ring this build can use: bad magic, version, geometry or indices. */
public class RingFormatException extends RingException {
    public RingFormatException(String message) {
        super(message);
    }
}
