package io.shmbench.bench;

import io.shmbench.ring.PeerGoneException;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.ring.WaitStrategy;
import io.shmbench.transport.PeerJvm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The peer process of the ring benchmarks: attaches to the two rings its parent created (each
 * ring's layout, memory order and mode come from its header), reads the to-peer ring and writes
 * the from-peer ring in one {@link RingPeerRole}, spinning (then yielding, see {@link RingPeer}) in
 * every wait. Started by
 * {@link RingPeer} through {@link PeerJvm}, whose lifetime rules it follows: it exits when its
 * parent dies or closes its stdin. Its waits have a day-long timeout: the parent's calls carry the
 * real ones. Exit codes: 0 the parent closed, 1 failure, 2 usage, 3 the parent died.
 */
@Command(name = "RingBenchPeer", description = "shmbench ring benchmark peer: the far side of two rings")
public final class RingBenchPeer implements Callable<Integer> {
    static final long PEER_TIMEOUT_NANOS = TimeUnit.DAYS.toNanos(1);

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
    @Option(names = "--parent-pid", required = true, description = "pid of the parent to watch")
    long parentPid;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its exit codes: 2 for a usage error, 1 for a failure. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RingBenchPeer());
        cli.setParameterExceptionHandler((e, argv) -> {
            System.err.println("ring peer: " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            System.err.println("ring peer: failed: " + e);
            e.printStackTrace(System.err);
            return 1;
        });
        return cli;
    }

    /** The arguments that make a peer run {@code role} between these rings. */
    static List<String> arguments(RingPeerRole role, Path toPeer, Path fromPeer, int messageBytes) {
        return List.of("--role", role.word(), "--to-peer", toPeer.toString(), "--from-peer", fromPeer.toString(),
                "--message-bytes", Integer.toString(messageBytes), "--parent-pid", Long.toString(ProcessHandle.current().pid()));
    }

    /** Reads the role's command-line word; a wrong one is a usage error (exit 2). */
    static final class RoleWord implements CommandLine.ITypeConverter<RingPeerRole> {
        @Override
        public RingPeerRole convert(String word) {
            return RingPeerRole.parse(word);
        }
    }

    @Override
    public Integer call() {
        if (role != RingPeerRole.ECHO) {
            try {
                CheckedMessage.checkLength(messageBytes);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--message-bytes: " + e.getMessage());
            }
        }
        ProcessHandle parent = ProcessHandle.of(parentPid)
                .orElseThrow(() -> new IllegalStateException("parent pid " + parentPid + " is not running"));
        PeerJvm.exitWithParent(parent, true);
        try (Ring in = Ring.attach(toPeer);
             Ring out = Ring.attach(fromPeer)) {
            RingReader reader = in.openReader(WaitStrategy.SPIN_THEN_YIELD);
            RingWriter writer = out.openWriter(WaitStrategy.SPIN_THEN_YIELD);
            System.err.printf("ring peer %d: %s, reads %s, writes %s%n", ProcessHandle.current().pid(), role.word(),
                    in.config(), out.config());
            switch (role) {
                case ECHO -> echo(reader, writer);
                case SINK -> sink(reader, writer, messageBytes);
                case PACED_WRITER -> pacedWriter(reader, writer, messageBytes);
            }
        } catch (PeerGoneException e) {
            System.err.println("ring peer: the parent left: " + e.getMessage());
        }
        return 0;
    }

    static void echo(RingReader reader, RingWriter writer) {
        while (true) {
            int length = reader.receive(PEER_TIMEOUT_NANOS);
            MemorySegment slot = writer.claim(PEER_TIMEOUT_NANOS);
            MemorySegment.copy(reader.payload(), 0, slot, 0, length);
            writer.commit(length);
        }
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
