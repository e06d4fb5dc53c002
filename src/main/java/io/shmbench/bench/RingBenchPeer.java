package io.shmbench.bench;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.CheckedMessage;
import io.shmbench.process.ChildProcess;
import io.shmbench.process.PeerCommand;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.ring.SlotRelease;
import io.shmbench.transport.Channel;
import io.shmbench.transport.PeerWatch;
import io.shmbench.transport.SamePairFloor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The peer process of the ring benchmarks: attaches to the two rings its parent created (each
 * ring's layout, memory order and mode come from its header), reads the to-peer ring and writes
 * the from-peer ring in one {@link RingPeerRole}, spinning (then yielding, see {@link RingPeer}) in
 * every wait. An echo may take turns with a same-pair floor ({@link SamePairFloor}). Started by
 * {@link RingPeer} as a {@link ChildProcess}, whose lifetime rules it follows ({@link PeerCommand}): it
 * exits when its parent dies or closes its stdin, and pins its working thread to {@code --cpu} when
 * given. Its waits have a day-long timeout: the parent's calls carry the real ones. Exit codes: 0
 * the parent closed, 1 failure, 2 usage, 3 the parent died.
 */
@Command(name = "RingBenchPeer", description = "shmbench ring benchmark peer: the far side of two rings")
public final class RingBenchPeer extends PeerCommand {
    static final Duration PEER_TIMEOUT = Duration.ofDays(1);
    static final long PEER_TIMEOUT_NANOS = PEER_TIMEOUT.toNanos();

    @Spec
    CommandSpec spec;
    @Option(names = "--role", required = true, converter = RoleWord.class, description = "echo, sink or paced-writer")
    RingPeerRole role;
    @Option(names = "--to-peer", required = true, description = "ring this peer reads")
    Path toPeer;
    @Option(names = "--from-peer", required = true, description = "ring this peer writes")
    Path fromPeer;
    @Option(names = "--message-bytes", defaultValue = "0", description = "sink: expected message length; paced-writer: length written")
    int messageBytes;
    @Option(names = "--slot-release", defaultValue = "DEFAULT", converter = SlotReleaseWord.class,
            description = "what the reader of the to-peer ring writes into a slot it has consumed: DEFAULT or one of ${COMPLETION-CANDIDATES}")
    SlotRelease slotRelease;
    @Option(names = SamePairFloor.SEGMENT_OPTION, description = "echo: take turns with a same-pair floor on this segment")
    Path floorSegment;
    @Option(names = SamePairFloor.PRIME_OPTION, defaultValue = "-1", description = "echo: messages echoed before the floor's schedule")
    int floorPrime;

    public static void main(String[] args) {
        PeerCommand.run(new RingBenchPeer(), args);
    }

    /** The command line with its exit codes: 2 for a usage error, 1 for a failure. */
    static CommandLine commandLine() {
        return PeerCommand.commandLine(new RingBenchPeer());
    }

    /**
     * The arguments that make a peer run {@code role} between these rings, its working thread
     * pinned to {@code cpu} when given, an echo taking turns with {@code floor} when given.
     */
    static List<String> arguments(RingPeerRole role, Path toPeer, Path fromPeer, int messageBytes, SlotRelease slotRelease,
                                  OptionalInt cpu, List<String> floorArgs) {
        List<String> args = new ArrayList<>(List.of("--role", role.word(), "--to-peer", toPeer.toString(),
                "--from-peer", fromPeer.toString(), "--message-bytes", Integer.toString(messageBytes),
                "--slot-release", slotRelease.name()));
        args.addAll(PeerCommand.commonArgs(cpu));
        args.addAll(floorArgs);
        return args;
    }

    /** Reads the role's command-line word; a wrong one is a usage error (exit 2). */
    static final class RoleWord implements CommandLine.ITypeConverter<RingPeerRole> {
        @Override
        public RingPeerRole convert(String word) {
            return RingPeerRole.parse(word);
        }
    }

    /** Reads a slot release by its name, or DEFAULT; a wrong one is a usage error (exit 2). */
    static final class SlotReleaseWord implements CommandLine.ITypeConverter<SlotRelease> {
        @Override
        public SlotRelease convert(String word) {
            if (word.equals("DEFAULT")) {
                return SlotRelease.DEFAULT;
            }
            try {
                return SlotRelease.valueOf(word);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown slot release '" + word + "'; valid: "
                        + java.util.Arrays.toString(SlotRelease.values()));
            }
        }
    }

    @Override
    protected void checkOptions() {
        if (role != RingPeerRole.ECHO) {
            try {
                CheckedMessage.checkLength(messageBytes);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--message-bytes: " + e.getMessage());
            }
        }
        boolean floorGiven = floorSegment != null;
        if (floorGiven != (floorPrime >= 0) || floorGiven && role != RingPeerRole.ECHO) {
            throw new ParameterException(spec.commandLine(), SamePairFloor.SEGMENT_OPTION + " and " + SamePairFloor.PRIME_OPTION
                    + " go together, and only with --role echo");
        }
    }

    @Override
    protected void work() {
        PeerWatch parent = PeerWatch.parent(parent());
        try (Ring in = Ring.attach(toPeer);
             Ring out = Ring.attach(fromPeer);
             Channel floor = floorSegment == null ? null : SamePairFloor.attach(floorSegment, parent, PEER_TIMEOUT)) {
            RingReader reader = in.openReader(WaitStrategy.SPIN_THEN_YIELD, LapPolicy.DEFAULT, slotRelease);
            RingWriter writer = out.openWriter(WaitStrategy.SPIN_THEN_YIELD);
            System.err.printf("ring peer %d: %s, reads %s (slot release %s), writes %s%s%n", ProcessHandle.current().pid(),
                    role.word(), in.config(), slotRelease, out.config(), floor == null ? "" : ", with a same-pair floor");
            switch (role) {
                case ECHO -> {
                    if (floor == null) {
                        echo(reader, writer);
                    } else {
                        SamePairFloor.echo(echoStep(reader, writer), floor, floorPrime);
                    }
                }
                case SINK -> sink(reader, writer, messageBytes);
                case PACED_WRITER -> pacedWriter(reader, writer, messageBytes);
            }
        } catch (PeerGoneException e) {
            System.err.println("ring peer: the parent left: " + e.getMessage());
        }
    }

    static void echo(RingReader reader, RingWriter writer) {
        SamePairFloor.EchoStep step = echoStep(reader, writer);
        while (true) {
            step.reply(step.receive());
        }
    }

    /** One echo over the rings: the message read from the to-peer ring, copied into the from-peer ring. */
    static SamePairFloor.EchoStep echoStep(RingReader reader, RingWriter writer) {
        return new SamePairFloor.EchoStep() {
            @Override
            public int receive() {
                return reader.receive(PEER_TIMEOUT_NANOS);
            }

            @Override
            public MemorySegment message() {
                return reader.payload();
            }

            @Override
            public void reply(int length) {
                writer.write(reader.payload(), 0, length, PEER_TIMEOUT_NANOS);
            }
        };
    }

    static void sink(RingReader reader, RingWriter writer, int messageBytes) {
        long checked = 0;
        long corrupt = 0;
        while (true) {
            int length = reader.receive(PEER_TIMEOUT_NANOS);
            long sequence = reader.position() - 1;
            if (length == 0) {
                new SinkTally(checked, corrupt).write(writer.claim(PEER_TIMEOUT_NANOS));
                writer.commit(SinkTally.SIZE);
            } else {
                checked++;
                if (!CheckedMessage.verify(reader.payload(), sequence, length, messageBytes)) {
                    corrupt++;
                }
            }
        }
    }

    static void pacedWriter(RingReader commands, RingWriter writer, int messageBytes) {
        while (true) {
            int length = commands.receive(PEER_TIMEOUT_NANOS);
            PacedRun run = PacedRun.read(commands.payload(), length);
            long start = System.nanoTime();
            for (long i = 0; i < run.messages(); i++) {
                Pacer.waitUntil(start + i * run.periodNanos());
                MemorySegment slot = writer.claim(PEER_TIMEOUT_NANOS);
                CheckedMessage.write(slot, writer.position(), System.nanoTime(), messageBytes);
                writer.commit(messageBytes);
            }
        }
    }
}
