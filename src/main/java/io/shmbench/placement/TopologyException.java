package io.shmbench.placement;

/** The CPU/NUMA topology could not be read; the message names the file and what is wrong with it. */
public class TopologyException extends RuntimeException {
    public TopologyException(String message) {
        super(message);
    }

    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
