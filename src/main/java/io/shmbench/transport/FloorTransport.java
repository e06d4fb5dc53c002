package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.SharedSegment;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code floor}: not a transport but the yardstick, one cache line bounced between the two
 * processes ({@link FloorChannel}). It carries no payload beyond a sequence number: its size limit
 * is 0 bytes, so a benchmark reports every payload size as unsupported and uses the zero-byte round
 * trip as the machine's physical limit.
 */
final class FloorTransport extends BaseTransport {
    static final String NAME = "floor";
    private static final String KIND = "floor";
    private static final SizeLimit LIMIT = new SizeLimit(0, "one cache line carrying a sequence number only, no payload");

    FloorTransport() {
        super(NAME, "yardstick: one cache line bounced between the processes, no payload", LIMIT);
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        SharedSegment segment = SharedSegment.create(KIND, FloorChannel.SEGMENT_SIZE);
        return new SharedFilesEnd(List.of(segment.path()), peer -> new FloorChannel(config, peer, segment, false), segment);
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "segment path");
        SharedSegment segment = SharedSegment.attach(Path.of(args.get(0)));
        if (segment.size() < FloorChannel.SEGMENT_SIZE) {
            segment.close();
            throw new ChannelException(NAME + ": " + args.get(0) + " has " + segment.size() + " bytes, expected " + FloorChannel.SEGMENT_SIZE);
        }
        return new FloorChannel(config, parent, segment, true);
    }
}
