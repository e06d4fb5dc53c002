package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.MessageTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POSIX message queues: the host's limits are reported and enforced, and no queue outlives its channel. */
class MqTransportTest {
    private final MqTransport mq = new MqTransport();
    private final PosixMq.Limits limits = PosixMq.Limits.read();

    @TempDir
    Path logs;

    @Test
    void limitsComeFromProcAndAreReported() {
        assertTrue(limits.msgsizeMax() > 0 && limits.msgMax() > 0, limits.toString());
        assertEquals(limits.msgsizeMax(), mq.sizeLimit().maxBytes());
        assertTrue(mq.description().contains("msgsize_max " + limits.msgsizeMax()), mq.description());
        assertTrue(mq.description().contains("msg_max " + limits.msgMax()), mq.description());
    }

    @Test
    void aMessageSizeOverTheHostLimitIsRefusedNamingTheLimitAndHowToRaiseIt() {
        int tooLarge = limits.msgsizeMax() + 1;
        MessageTooLargeException error = assertThrows(MessageTooLargeException.class,
                () -> mq.prepare(ChannelConfig.of(tooLarge)));
        String message = error.getMessage();
        assertTrue(message.contains(tooLarge + " bytes"), message);
        assertTrue(message.contains("at most " + limits.msgsizeMax()), message);
        assertTrue(message.contains("/proc/sys/fs/mqueue/msgsize_max"), message);
        assertTrue(message.contains("sysctl fs.mqueue.msgsize_max="), message);
    }

    @Test
    void aMessageOverTheChannelsSizeIsRefusedBeforeAnySyscall() {
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(mq, ChannelConfig.of(100), PeerTask.echo(), logs.resolve("mq.log"))) {
            MemorySegment big = arena.allocate(101);
            MessageTooLargeException error = assertThrows(MessageTooLargeException.class, () -> peer.channel().send(big, 101));
            assertTrue(error.getMessage().contains("101 bytes") && error.getMessage().contains("100 bytes"), error.getMessage());
            // The channel is still usable after a refused message.
            peer.channel().send(big, 100);
            assertEquals(100, peer.channel().receive(arena.allocate(100)));
        }
    }

    @Test
    void queuesAreCreatedExclusivelyAndUnlinkedOnceThePeerIsConnected() {
        ParentEnd end = mq.prepare(ChannelConfig.of(64));
        String toPeer = end.peerArgs().get(0);
        String fromPeer = end.peerArgs().get(1);
        try {
            assertTrue(toPeer.matches("/shmbench-mq-" + ProcessHandle.current().pid() + "-[0-9a-f]{16}"), toPeer);
            assertTrue(PosixMq.exists(toPeer) && PosixMq.exists(fromPeer));
            ChannelException exclusive = assertThrows(ChannelException.class,
                    () -> PosixMq.create(toPeer, NativeFd.O_WRONLY, 1, 64));
            assertTrue(exclusive.getMessage().contains("File exists"), exclusive.getMessage());
            end.peerConnected();
            assertFalse(PosixMq.exists(toPeer));
            assertFalse(PosixMq.exists(fromPeer));
        } finally {
            end.close();
        }
        assertFalse(PosixMq.exists(toPeer));
    }

    @Test
    void aPreparedButNeverConnectedChannelLeavesNoQueue() {
        ParentEnd end = mq.prepare(ChannelConfig.of(64));
        String toPeer = end.peerArgs().get(0);
        String fromPeer = end.peerArgs().get(1);
        end.close();
        assertFalse(PosixMq.exists(toPeer));
        assertFalse(PosixMq.exists(fromPeer));
    }

    @Test
    void queuesHaveTheChannelsMessageSizeAndADepthCappedAtMsgMax() {
        ParentEnd end = mq.prepare(ChannelConfig.of(100).withDepth(limits.msgMax() + 100));
        try (NativeFd queue = PosixMq.open(end.peerArgs().get(0), NativeFd.O_RDONLY)) {
            assertEquals(new PosixMq.Attributes(limits.msgMax(), 100), PosixMq.attributes(queue));
        } finally {
            end.close();
        }
    }
}
