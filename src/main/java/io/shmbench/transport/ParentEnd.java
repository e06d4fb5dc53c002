package io.shmbench.transport;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.process.JavaCommand;

import java.util.List;

/**
 * The parent's half of a prepared channel, between {@link Transport#prepare} and a working
 * {@link Channel}. {@link PeerProcess} drives it: {@link #redirect}, start the peer
 * ({@link #peerCommand}) with {@link #peerArgs()}, {@link #peerStarted()}, {@link #connect}, receive the peer's ready message, {@link #peerConnected()},
 * and finally {@link #close()}.
 */
public interface ParentEnd extends AutoCloseable {

    /** Arguments the peer passes to {@link Transport#openPeer}. */
    List<String> peerArgs();

    /**
     * The command that runs the peer with {@link PeerMain}'s arguments {@code args} (which end with
     * {@link #peerArgs()}): PeerMain in a child JVM like this one, unless the transport's peer is
     * another program ({@code shm-ring-c}'s C peer).
     */
    default List<String> peerCommand(List<String> args) {
        return JavaCommand.of(PeerMain.class, ChronicleSettings.peerJvmOptions(), args);
    }

    /**
     * Lets a transport wire the peer's standard streams. Returns true when it took the peer's
     * stdin and stdout for data (the {@code pipe} transport); the peer then learns of its parent's
     * end from the data stream instead of watching stdin.
     */
    default boolean redirect(ProcessBuilder builder) {
        return false;
    }

    /** Called right after the peer process started (the {@code pipe} transport closes the child's pipe ends here). */
    default void peerStarted() {
    }

    /**
     * Opens the parent's side once the peer runs, waiting up to the configured timeout for it to
     * connect.
     *
     * @throws PeerGoneException when the peer dies first
     */
    Channel connect(PeerWatch peer);

    /**
     * The peer holds every resource open (its ready message arrived): remove their names from the
     * file system and the queue namespace now, so nothing is left even if both processes are killed.
     * Idempotent.
     */
    void peerConnected();

    /** Removes whatever {@link #peerConnected()} did not; the channel from {@link #connect} is closed separately. Idempotent. */
    @Override
    void close();
}
