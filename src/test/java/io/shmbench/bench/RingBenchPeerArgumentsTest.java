package io.shmbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What RingPeer puts on the peer's command line is what the peer reads back; bad input is a usage error. */
class RingBenchPeerArgumentsTest {
    @ParameterizedTest
    @EnumSource(RingPeerRole.class)
    void argumentsRoundTrip(RingPeerRole role) {
        Path in = Path.of("/dev/shm/shmbench-ring-1-a");
        Path out = Path.of("/dev/shm/shmbench-ring-1-b");
        CommandLine cli = RingBenchPeer.commandLine();
        cli.parseArgs(RingBenchPeer.arguments(role, in, out, 2880).toArray(String[]::new));
        RingBenchPeer peer = cli.getCommand();
        assertEquals(role, peer.role);
        assertEquals(in, peer.toPeer);
        assertEquals(out, peer.fromPeer);
        assertEquals(2880, peer.messageBytes);
        assertEquals(ProcessHandle.current().pid(), peer.parentPid);
        assertEquals(role, RingPeerRole.parse(role.word()));
    }

    @Test
    void anUnknownRoleIsAUsageErrorNamingTheValidOnes() {
        List<String> args = new ArrayList<>(RingBenchPeer.arguments(RingPeerRole.SINK, Path.of("a"), Path.of("b"), 64));
        args.set(args.indexOf("sink"), "drain");
        assertEquals(2, RingBenchPeer.commandLine().execute(args.toArray(String[]::new)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RingPeerRole.parse("drain"));
        assertEquals("unknown ring peer role 'drain'; valid: echo, sink, paced-writer", error.getMessage());
    }

    @Test
    void aMessageSizeTheCheckedFormatCannotCarryIsAUsageError() {
        String[] args = RingBenchPeer.arguments(RingPeerRole.SINK, Path.of("a"), Path.of("b"), 12).toArray(String[]::new);
        assertEquals(2, RingBenchPeer.commandLine().execute(args));
    }
}
