package io.shmbench.bench;

import io.shmbench.ring.SlotRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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
        cli.parseArgs(RingBenchPeer.arguments(role, in, out, 2880, SlotRelease.ZERO, OptionalInt.of(1), List.of()).toArray(String[]::new));
        RingBenchPeer peer = cli.getCommand();
        assertEquals(role, peer.role);
        assertEquals(in, peer.toPeer);
        assertEquals(out, peer.fromPeer);
        assertEquals(2880, peer.messageBytes);
        assertEquals(SlotRelease.ZERO, peer.slotRelease);
        assertEquals(ProcessHandle.current().pid(), peer.parentPid());
        assertEquals(OptionalInt.of(1), peer.cpu());
        assertEquals(role, RingPeerRole.parse(role.word()));
    }

    @Test
    void anUnknownRoleIsAUsageErrorNamingTheValidOnes() {
        List<String> args = new ArrayList<>(RingBenchPeer.arguments(RingPeerRole.SINK, Path.of("a"), Path.of("b"), 64, SlotRelease.DEFAULT, OptionalInt.empty(), List.of()));
        args.set(args.indexOf("sink"), "drain");
        assertEquals(2, RingBenchPeer.commandLine().execute(args.toArray(String[]::new)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RingPeerRole.parse("drain"));
        assertEquals("unknown ring peer role 'drain'; valid: echo, sink, paced-writer", error.getMessage());
    }

    @Test
    void anUnknownSlotReleaseIsAUsageErrorAndNoneGivenIsTheDefault() {
        List<String> args = new ArrayList<>(RingBenchPeer.arguments(RingPeerRole.SINK, Path.of("a"), Path.of("b"), 64,
                SlotRelease.KEEP, OptionalInt.empty(), List.of()));
        int at = args.indexOf("--slot-release");
        args.set(at + 1, "SCRUB");
        assertEquals(2, RingBenchPeer.commandLine().execute(args.toArray(String[]::new)));
        args.subList(at, at + 2).clear();
        CommandLine cli = RingBenchPeer.commandLine();
        cli.parseArgs(args.toArray(String[]::new));
        assertEquals(SlotRelease.DEFAULT, cli.<RingBenchPeer>getCommand().slotRelease);
    }

    @Test
    void aSamePairFloorGoesWithAnEchoOnlyAndWithItsPrimingCount() {
        List<String> floor = List.of("--floor-segment", "/dev/shm/shmbench-floor-1-x", "--floor-prime", "10");
        String[] sink = RingBenchPeer.arguments(RingPeerRole.SINK, Path.of("a"), Path.of("b"), 64, SlotRelease.DEFAULT, OptionalInt.empty(), floor)
                .toArray(String[]::new);
        assertEquals(2, RingBenchPeer.commandLine().execute(sink));
        String[] noPrime = RingBenchPeer.arguments(RingPeerRole.ECHO, Path.of("a"), Path.of("b"), 64, SlotRelease.DEFAULT, OptionalInt.empty(),
                floor.subList(0, 2)).toArray(String[]::new);
        assertEquals(2, RingBenchPeer.commandLine().execute(noPrime));
    }

    @Test
    void aMessageSizeTheCheckedFormatCannotCarryIsAUsageError() {
        String[] args = RingBenchPeer.arguments(RingPeerRole.SINK, Path.of("a"), Path.of("b"), 12, SlotRelease.DEFAULT, OptionalInt.empty(), List.of()).toArray(String[]::new);
        assertEquals(2, RingBenchPeer.commandLine().execute(args));
    }
}
