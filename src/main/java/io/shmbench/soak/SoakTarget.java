package io.shmbench.soak;

/**
 * One thing the soak streams messages through: a transport ({@link TransportSoak}) or the ring in
 * one mode with writer kills ({@link RingSoak}). The soak gives each target several time slices;
 * each slice sets up from scratch, streams until its end, drains, and removes what it made.
 */
sealed interface SoakTarget permits TransportSoak, RingSoak {

    /** The name on the command line and in the summary. */
    String name();

    /** Why this machine cannot run it ({@code shm-ring-c} without a C compiler), or empty. */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
    }

    /**
     * Runs one slice, adding what happened to {@code tally}. Never throws for a failure of the
     * target (that is recorded in the tally); returns when the slice is over or a stop was requested.
     */
    void runSlice(Slice slice, Tally tally);
}
