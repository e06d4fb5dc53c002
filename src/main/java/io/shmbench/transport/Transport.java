package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.ipc.PeerGoneException;

import java.util.List;

/**
 * One way of moving messages between two processes (the SPI behind {@link Transports}).
 *
 * <p>The parent {@linkplain #prepare prepares} the resources (a listening socket, FIFOs, queues,
 * shared segments, all named by {@code io.shmbench.shm.SuiteName}, owner-only) and learns from the
 * returned {@link ParentEnd} the arguments the peer needs; the peer passes those to
 * {@link #openPeer}. Implementations are stateless and cheap to create.
 */
public interface Transport {

    /** The name used on the command line and in results, e.g. {@code uds}. */
    String name();

    /** One line saying what the mechanism is. */
    String description();

    /** The largest message this transport carries on this host, and why. */
    SizeLimit sizeLimit();

    /**
     * True when a {@link WaitMode#BLOCK} wait sleeps in a system call until the kernel wakes it
     * (pipes, sockets, message queues); false when the transport polls memory (rings, mapped queues,
     * {@code floor}), so that BLOCK means spin, then park with back-off. Benchmarks use it to pick
     * each kind's natural wait when they cannot afford every {@link WaitMode}.
     */
    default boolean blocksInKernel() {
        return false;
    }

    /**
     * Parent side: creates the resources for one channel.
     *
     * @throws MessageTooLargeException when {@code config.maxMessageSize()} exceeds {@link #sizeLimit()}
     */
    ParentEnd prepare(ChannelConfig config);

    /**
     * Peer side: opens the other end from the arguments {@link ParentEnd#peerArgs()} gave.
     *
     * @param parent the process that prepared the channel; waits fail with {@link PeerGoneException} when it dies
     */
    Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent);
}
