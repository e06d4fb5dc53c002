package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.PrivateDirectory;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code shm-ring-c}: a reference, {@code shm-ring} with a C peer. This side is shm-ring's own
 * (the same two BLOCKING rings, the same {@link RingChannel}); the peer is the C program
 * {@code src/main/c/shmring_peer.c} ({@link CRingPeer}), which attaches both rings by path through
 * {@code shmring.h} and does what {@link PeerMain} does on shm-ring: the same ready messages, the
 * same echo with the same-pair floor's schedule, the same sink with its CRC-32C reports, the same
 * watch on its parent. So shm-ring's round trip over shm-ring-c's says how much of it the JVM
 * peer's side takes (this side is the JVM in both).
 *
 * <p>It needs a C compiler at run time ({@link #unavailable()} says when there is none) and serves
 * echo and sink, not the fixed-rate source.
 */
final class ShmRingCTransport extends BaseTransport {
    static final String NAME = "shm-ring-c";

    ShmRingCTransport() {
        super(NAME, "reference: shm-ring with a C peer (src/main/c/shmring_peer.c), BLOCKING mode, one ring per direction",
                ShmRingTransport.LIMIT);
    }

    @Override
    public Optional<String> unavailable() {
        return CRingPeer.unavailable();
    }

    @Override
    public Set<PeerRole> roles() {
        return EnumSet.of(PeerRole.ECHO, PeerRole.SINK);
    }

    /** The rings, as shm-ring's, and a fresh copy of the C peer to run on them. */
    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        PrivateDirectory program = CRingPeer.install();
        try {
            return new CPeerEnd(ShmRingTransport.prepareRings(NAME, config), program);
        } catch (RuntimeException e) {
            program.close();
            throw e;
        }
    }

    /** Never called: the peer is the C program, which opens its end itself. */
    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        throw new ChannelException(NAME + "'s peer is the C program " + CRingPeer.PROGRAM
                + ", not a JVM: use shm-ring for a JVM peer");
    }
}
