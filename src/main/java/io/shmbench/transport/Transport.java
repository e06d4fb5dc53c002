package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.ipc.PeerGoneException;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One way of moving messages between two processes (the SPI behind {@link Transports}).
 *
 * <p>The parent {@linkplain #prepare prepares} the resources (a listening socket, FIFOs, queues,
 * shared segments, all named by {@code io.shmbench.shm.SuiteName}, owner-only) and learns from the
 * returned {@link ParentEnd} the arguments the peer needs; the peer passes those to
 * {@link #openPeer}. Implementations are stateless and cheap to create.
 *
 * <p>The peer is {@link PeerMain} in a child JVM, unless the prepared end names another program
 * ({@link ParentEnd#peerCommand}: {@code shm-ring-c}'s peer is in C), which then takes PeerMain's
 * command line and keeps its protocol.
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
     * Why this transport cannot run on this machine ({@code shm-ring-c} without a C compiler), or
     * empty when it can. Benchmarks record a transport that cannot run as unsupported, with this reason.
     */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** The roles its peer takes: every one, unless its peer is a program that serves fewer. */
    default Set<PeerRole> roles() {
        return EnumSet.allOf(PeerRole.class);
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
