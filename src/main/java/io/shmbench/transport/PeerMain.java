package io.shmbench.transport;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.message.MessageChecksum;
import io.shmbench.message.StampedStream;
import io.shmbench.process.PeerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The peer process: opens the other end of a channel prepared by its parent, sends the empty
 * ready message, and runs one {@link PeerRole} until the parent closes the channel. Started by
 * {@link PeerProcess}; its stderr is the run's peer log.
 *
 * <p>It never outlives its parent ({@link PeerCommand}): it exits when stdin reaches end of stream
 * (the parent closed it or died) or when the parent pid is no longer alive; with the {@code pipe}
 * transport stdin is the data stream itself, whose end the role loop sees. With {@code --cpu} the
 * thread that runs the role pins itself to that CPU before it opens the channel (placement
 * benchmarks place both sides). Exit codes: 0 the parent closed the channel, 1 failure, 2 usage,
 * {@value PeerCommand#EXIT_PARENT_GONE} the parent died.
 */
@Command(name = "PeerMain", description = "shmbench peer: the far end of one channel")
public final class PeerMain extends PeerCommand {
    /** Peers wait for their parent as long as it lives; the parent's own calls carry the real timeouts. */
    static final Duration PEER_TIMEOUT = Duration.ofDays(1);

    @Option(names = "--transport", required = true, description = "transport name")
    String transport;
    @Option(names = "--role", required = true, description = "echo, sink or source")
    String role;
    @Option(names = "--messages", defaultValue = "0", description = "sink: messages per report; source: messages per start message")
    long messages;
    @Option(names = "--message-size", defaultValue = "0", description = "source: bytes per message")
    int messageSize;
    @Option(names = "--rate", defaultValue = "0", description = "source: messages per second (0: as fast as possible)")
    long rate;
    @Option(names = "--max-size", required = true, description = "largest message in bytes")
    int maxSize;
    @Option(names = "--wait", defaultValue = "block", description = "block, spin or yield")
    String waitMode;
    @Option(names = "--depth", defaultValue = "64", description = "messages in flight per direction")
    int depth;

    @Option(names = SamePairFloor.SEGMENT_OPTION, description = "echo: take turns with a same-pair floor on this segment")
    Path floorSegment;
    @Option(names = SamePairFloor.PRIME_OPTION, defaultValue = "-1", description = "echo: messages echoed before the floor's schedule")
    int floorPrime;

    @Option(names = "--stdio-data", description = "stdin/stdout carry the channel (pipe transport)")
    boolean stdioData;
    @Parameters(description = "the transport's own arguments, from ParentEnd.peerArgs()")
    List<String> transportArgs = new ArrayList<>();

    private final PrintStream log = System.err;
    private PeerTask task;
    private ChannelConfig config;

    public static void main(String[] args) {
        run(new PeerMain(), args);
    }

    @Override
    protected void checkOptions() {
        if (stdioData) {
            System.setOut(log); // stdout is the channel: nothing else may write there
        }
        task = task();
        config = new ChannelConfig(maxSize, PEER_TIMEOUT, WaitMode.parse(waitMode), depth);
        task.checkFits(transport, config);
    }

    @Override
    protected boolean watchesStdin() {
        return !stdioData;
    }

    @Override
    protected void work() {
        Transport t = Transports.byName(transport);
        log.printf("peer %d: %s %s, max %d bytes, %s waits%n", ProcessHandle.current().pid(), transport, task.role(), maxSize, config.waitMode());
        try (Channel channel = t.openPeer(transportArgs, config, PeerWatch.parent(parent()));
             Channel floor = task.pairsFloor() ? SamePairFloor.attach(floorSegment, PeerWatch.parent(parent()), PEER_TIMEOUT) : null;
             Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(maxSize, SinkReport.SIZE), 64);
            channel.send(buffer, 0); // ready
            switch (task.role()) {
                case ECHO -> {
                    if (floor == null) {
                        echo(channel, buffer);
                    } else {
                        SamePairFloor.echo(echoStep(channel, buffer), floor, task.floorPrime());
                    }
                }
                case SINK -> sink(channel, buffer, task, arena.allocate(SinkReport.SIZE, 8), log);
                case SOURCE -> source(channel, buffer, task, config.waitMode());
            }
        } catch (PeerGoneException e) {
            log.println("peer: parent closed the channel; exiting");
        }
    }

    private PeerTask task() {
        if ((floorSegment == null) != (floorPrime < 0)) {
            throw new CommandLine.ParameterException(new CommandLine(this), SamePairFloor.SEGMENT_OPTION + " and "
                    + SamePairFloor.PRIME_OPTION + " go together");
        }
        return new PeerTask(PeerRole.parse(role), messages, messageSize, rate, floorSegment == null ? PeerTask.NO_FLOOR : floorPrime);
    }

    static void echo(Channel channel, MemorySegment buffer) {
        while (true) {
            channel.send(buffer, channel.receive(buffer));
        }
    }

    /** The series side of an echo that takes turns with a same-pair floor. */
    static SamePairFloor.EchoStep echoStep(Channel channel, MemorySegment buffer) {
        return new SamePairFloor.EchoStep() {
            @Override
            public int receive() {
                return channel.receive(buffer);
            }

            @Override
            public MemorySegment message() {
                return buffer;
            }

            @Override
            public void reply(int length) {
                channel.send(buffer, length);
            }
        };
    }

    static void sink(Channel channel, MemorySegment buffer, PeerTask task, MemorySegment report, PrintStream log) {
        MessageChecksum checksum = new MessageChecksum();
        long count = 0;
        try {
            while (true) {
                int length = channel.receive(buffer);
                checksum.update(buffer, length);
                if (++count == task.messages()) {
                    SinkReport.write(report, count, checksum.value());
                    channel.send(report, SinkReport.SIZE);
                    checksum.reset();
                    count = 0;
                }
            }
        } finally {
            log.printf("peer: sink received %d messages since its last report, checksum %x%n", count, checksum.value());
        }
    }

    /** For each start message: {@code messages} stamped messages at the intended rate. */
    static void source(Channel channel, MemorySegment buffer, PeerTask task, WaitMode waitMode) {
        int size = task.messageSize();
        long period = task.ratePerSecond() == 0 ? 0 : 1_000_000_000L / task.ratePerSecond();
        long sequence = 0;
        while (true) {
            channel.receive(buffer); // start
            StampedStream.prepare(buffer, size);
            long start = System.nanoTime();
            for (long i = 0; i < task.messages(); i++) {
                long intended = period == 0 ? System.nanoTime() : start + i * period;
                waitUntil(intended, waitMode);
                StampedStream.stamp(buffer, sequence++, intended);
                channel.send(buffer, size);
            }
        }
    }

    private static void waitUntil(long deadline, WaitMode waitMode) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (waitMode == WaitMode.BLOCK && left > 50_000) {
                LockSupport.parkNanos(left - 20_000);
            } else if (waitMode == WaitMode.YIELD) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
