package io.shmbench.transport;

import io.shmbench.shm.PrivateDirectory;

import java.util.ArrayList;
import java.util.List;

/**
 * The parent end of {@code shm-ring-c}: shm-ring's own end (the two rings), whose peer is the C
 * program in {@code program} ({@link CRingPeer#install()}) rather than a JVM. The program's
 * directory goes as soon as the program runs, or with the end if it never started.
 */
final class CPeerEnd implements ParentEnd {
    private final ParentEnd rings;
    private final PrivateDirectory program;

    CPeerEnd(ParentEnd rings, PrivateDirectory program) {
        this.rings = rings;
        this.program = program;
    }

    @Override
    public List<String> peerArgs() {
        return rings.peerArgs();
    }

    @Override
    public List<String> peerCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of(program.resolve(CRingPeer.PROGRAM).toString()));
        command.addAll(args);
        return command;
    }

    /** The running program keeps its file open: its name can go. */
    @Override
    public void peerStarted() {
        program.close();
    }

    @Override
    public Channel connect(PeerWatch peer) {
        return rings.connect(peer);
    }

    @Override
    public void peerConnected() {
        rings.peerConnected();
    }

    @Override
    public void close() {
        try {
            rings.close();
        } finally {
            program.close();
        }
    }
}
