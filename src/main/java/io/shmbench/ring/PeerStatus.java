package io.shmbench.ring;

/** What one side knows about the other from the header's pid, start time and heartbeat. */
public enum PeerStatus {
    /** No process is attached on that side (never attached, or detached cleanly). */
    ABSENT,
    /** The process is running and showed a sign of life within the staleness timeout. */
    ALIVE,
    /** The process is running but showed no sign of life within the staleness timeout. */
    STALE,
    /** The process that attached is gone (or its pid now belongs to another process). */
    DEAD
}
