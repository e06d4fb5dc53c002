package io.shmbench.transport;

import io.shmbench.process.ChildProcess;
import io.shmbench.process.PeerCommand;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.MessageTooLargeException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PeerMain} in a child JVM ({@link ChildProcess}) holding the other end of a channel,
 * and that channel's parent end; or, for a transport whose peer is another program
 * ({@link ParentEnd#peerCommand}: {@code shm-ring-c}'s C peer), that program, started the same way.
 *
 * <p>{@link #start} prepares the transport, starts the child with its stdout and stderr appended
 * to the log file the caller names, connects, and waits (up to {@link ChannelConfig#setupTimeout()},
 * at least a minute, since a JVM starts slowly on a loaded machine; a peer that dies is noticed at
 * once) for the peer's ready message, so a returned peer is known to work. The child is always
 * stopped as {@link ChildProcess} says, and on any failure while starting. Every name the
 * transport created is removed once the peer is connected.
 */
public final class PeerProcess implements AutoCloseable {
    private final String transport;
    private final ChildProcess jvm;
    private final ParentEnd end;
    /** The same-pair floor of an echo that takes turns with one, else null. */
    private final SamePairFloor floorEnd;
    private Channel channel;
    private Channel floor;
    private boolean closed;

    private PeerProcess(String transport, ChildProcess jvm, ParentEnd end, SamePairFloor floorEnd) {
        this.transport = transport;
        this.jvm = jvm;
        this.end = end;
        this.floorEnd = floorEnd;
    }

    /**
     * Starts a peer running {@code task} on the other end of a new {@code transport} channel.
     *
     * @param logFile where the peer's stdout and stderr go (appended; its directory must exist)
     * @throws MessageTooLargeException when the transport cannot carry the configured size or the task's messages
     * @throws ChannelException when the peer does not come up within the timeout; the message
     *                          includes the end of its log
     */
    public static PeerProcess start(Transport transport, ChannelConfig config, PeerTask task, Path logFile) {
        return start(transport, config, task, logFile, OptionalInt.empty());
    }

    /**
     * {@link #start(Transport, ChannelConfig, PeerTask, Path)} with the peer's role thread pinned to
     * {@code peerCpu} ({@code ThreadAffinity.pinTo}, before it opens its end of the channel), for
     * benchmarks that place both sides. A CPU the peer may not use makes the peer fail at start, and
     * this method throw {@link ChannelException} with the peer's log.
     */
    public static PeerProcess start(Transport transport, ChannelConfig config, PeerTask task, Path logFile,
                                    OptionalInt peerCpu) {
        task.checkFits(transport.name(), config);
        if (!transport.roles().contains(task.role())) {
            throw new IllegalArgumentException(transport.name() + "'s peer takes " + PeerRole.words(transport.roles())
                    + ", not " + task.role().word());
        }
        Optional<String> unavailable = transport.unavailable();
        if (unavailable.isPresent()) {
            throw new ChannelException(transport.name() + " cannot run on this machine: " + unavailable.get());
        }
        ParentEnd end = transport.prepare(config);
        SamePairFloor floorEnd = null;
        PeerProcess peer;
        try {
            floorEnd = task.pairsFloor() ? SamePairFloor.prepare(config.timeout(), task.floorPrime()) : null;
            ProcessBuilder builder = new ProcessBuilder();
            boolean stdioData = end.redirect(builder);
            List<String> args = arguments(transport, config, task, end.peerArgs(), stdioData, peerCpu,
                    floorEnd == null ? List.of() : floorEnd.peerArgs());
            SamePairFloor floorToClose = floorEnd;
            builder.command(end.peerCommand(args));
            ChildProcess jvm = ChildProcess.start("the " + transport.name() + " peer", builder, logFile, () -> {
                try {
                    end.close();
                } finally {
                    if (floorToClose != null) {
                        floorToClose.close();
                    }
                }
            });
            peer = new PeerProcess(transport.name(), jvm, end, floorEnd);
        } catch (RuntimeException e) {
            end.close();
            if (floorEnd != null) {
                floorEnd.close();
            }
            throw new ChannelException(transport.name() + ": cannot start the peer process: " + e.getMessage(), e);
        }
        try {
            end.peerStarted();
            peer.connect(config);
            return peer;
        } catch (RuntimeException e) {
            peer.close();
            throw new ChannelException(transport.name() + ": the peer (pid " + peer.pid() + ") did not come up: " + e.getMessage()
                    + peer.logTail(), e);
        }
    }

    private void connect(ChannelConfig config) {
        channel = end.connect(PeerWatch.peer(jvm.handle()));
        long deadline = System.nanoTime() + config.setupTimeout().toNanos();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(1, config.maxMessageSize()));
            int length;
            while (true) {
                try {
                    length = channel.receive(buffer);
                    break;
                } catch (ChannelTimeoutException e) {
                    // A JVM may take longer to start than a benchmark's timeout; nothing was read yet, so wait on.
                    if (System.nanoTime() - deadline > 0) {
                        throw e;
                    }
                }
            }
            if (length != 0) {
                throw new ChannelException("expected the peer's empty ready message, got " + length + " bytes");
            }
        }
        end.peerConnected();
        if (floorEnd != null) {
            floor = floorEnd.connect(PeerWatch.peer(jvm.handle()));
        }
    }

    private static List<String> arguments(Transport transport, ChannelConfig config, PeerTask task, List<String> peerArgs,
                                          boolean stdioData, OptionalInt peerCpu, List<String> floorArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--transport", transport.name(),
                "--role", task.role().word(),
                "--messages", Long.toString(task.messages()),
                "--message-size", Integer.toString(task.messageSize()),
                "--rate", Long.toString(task.ratePerSecond()),
                "--max-size", Integer.toString(config.maxMessageSize()),
                "--wait", config.waitMode().name().toLowerCase(java.util.Locale.ROOT),
                "--depth", Integer.toString(config.depth())));
        args.addAll(PeerCommand.commonArgs(peerCpu));
        if (stdioData) {
            args.add("--stdio-data");
        }
        args.addAll(floorArgs);
        args.add("--");
        args.addAll(peerArgs);
        return args;
    }

    /** The parent's end of the channel; the peer already said it is ready. */
    public Channel channel() {
        return channel;
    }

    /**
     * The parent's end of the same-pair floor, for a peer started with
     * {@link PeerTask#echoWithFloor}; the peer already said it is ready on it.
     *
     * @throws IllegalStateException when the peer was started without one
     */
    public Channel floor() {
        if (floor == null) {
            throw new IllegalStateException(this + " has no same-pair floor: start it with PeerTask.echoWithFloor");
        }
        return floor;
    }

    public long pid() {
        return jvm.pid();
    }

    public Path logFile() {
        return jvm.log();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** Kills the peer at once (SIGKILL), as a crash would; {@link #close()} still cleans up. */
    public void kill() {
        jvm.kill();
    }

    /** Waits for the peer to exit by itself; its exit code, or -1 if it is still running. */
    public int awaitExit(long timeout, TimeUnit unit) {
        return jvm.awaitExit(Duration.of(timeout, unit.toChronoUnit())).orElse(-1);
    }

    /**
     * Closes the channel (the peer sees its end and exits), then stops the peer ({@link ChildProcess#close()})
     * and removes whatever the transport left. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (RuntimeException ignored) {
            // stopping anyway
        } finally {
            jvm.close(); // then end.close() and the floor's, its cleanup
        }
    }

    /** The last lines of the peer's log, for error messages. */
    String logTail() {
        return jvm.logTail();
    }

    @Override
    public String toString() {
        return "PeerProcess[" + transport + ", pid " + pid() + "]";
    }
}
