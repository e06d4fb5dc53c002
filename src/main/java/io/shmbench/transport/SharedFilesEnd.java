package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The parent end of a shared-memory transport: files the parent created (segments in /dev/shm)
 * that the peer maps by path. The paths are the peer's arguments; the files are unlinked as soon
 * as the peer has them mapped (mappings outlive the names), so even two killed processes leave
 * nothing behind.
 */
final class SharedFilesEnd implements ParentEnd {
    private final List<Path> files;
    private final Function<PeerWatch, Channel> connector;
    private final AutoCloseable unconnected;
    private boolean handedOver;

    /**
     * @param connector   makes the parent's channel over the mapped files
     * @param unconnected releases the mappings when {@code connect} was never called
     */
    SharedFilesEnd(List<Path> files, Function<PeerWatch, Channel> connector, AutoCloseable unconnected) {
        this.files = files;
        this.connector = connector;
        this.unconnected = unconnected;
    }

    @Override
    public List<String> peerArgs() {
        return files.stream().map(Path::toString).toList();
    }

    @Override
    public Channel connect(PeerWatch peer) {
        // Only once the channel exists does it own what this end holds; if building it fails, close() releases it.
        Channel channel = connector.apply(peer);
        handedOver = true;
        return channel;
    }

    @Override
    public void peerConnected() {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new ChannelException("cannot remove " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        try {
            peerConnected();
        } finally {
            if (!handedOver) {
                try {
                    unconnected.close();
                } catch (Exception e) {
                    throw new ChannelException("cannot release " + files + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
