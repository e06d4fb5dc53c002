package io.shmbench.soak;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.MessageChecksum;
import io.shmbench.process.PeerCommand;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * The soak's ring writer process ({@link RingSoak} starts it). It waits idle for {@code go} on
 * stdin, attaches to the ring as its writer (a writer that replaces a killed one carries on at the
 * published write index) and writes sealed messages ({@link MessageChecksum#writeSealed}) numbered by their ring index,
 * of the lengths {@link SoakSettings#lengthOf} gives them, until
 * {@code stop} (then it detaches cleanly and exits 0) or until it is killed. An OVERWRITE writer
 * writes in bursts of random length with short pauses, so the reader is sometimes lapped and
 * sometimes catches up. When stdin ends (the soak is gone) it halts at once.
 *
 * <p>Exit codes: 0 stopped, 1 failure, 2 usage (unknown option, bad number, no such ring file),
 * 3 the soak went away.
 */
@Command(name = "RingWriterMain", description = "shmbench soak: the ring writer process; waits for 'go' on stdin")
public final class RingWriterMain implements Callable<Integer> {
    static final String GO = "go";
    static final String STOP = "stop";
    private static final long CLAIM_TIMEOUT_NANOS = SoakSettings.TIMEOUT.toNanos();
    private static final long MAX_PAUSE_NANOS = 100_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--ring", required = true, paramLabel = "PATH", description = "the ring segment to write")
    Path ring;

    @Option(names = "--size", required = true, paramLabel = "BYTES", description = "largest message, as the reader expects")
    int size;

    private volatile boolean stop;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Parses and runs; returns the exit code (usage errors 2, failures 1). */
    static int execute(String... args) {
        return PeerCommand.commandLine(new RingWriterMain()).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (size < SoakSettings.MIN_MESSAGE_SIZE) {
            throw new ParameterException(spec.commandLine(), "--size must be at least " + SoakSettings.MIN_MESSAGE_SIZE + ", was " + size);
        }
        if (!Files.isRegularFile(ring, LinkOption.NOFOLLOW_LINKS)) {
            throw new ParameterException(spec.commandLine(), "ring segment " + ring + " does not exist or is not a regular file");
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!awaitGo(stdin)) {
            return PeerCommand.EXIT_PARENT_GONE;
        }
        watchStdin(stdin);
        try (Ring attached = Ring.attach(ring);
             RingWriter writer = attached.openWriter(WaitStrategy.PARK)) {
            if (size > writer.maxPayload()) {
                throw new IllegalArgumentException("--size " + size + " exceeds the ring's largest message, " + writer.maxPayload());
            }
            System.out.printf("writer %d: writing from index %d%n", ProcessHandle.current().pid(), writer.position());
            System.out.flush();
            write(writer, attached.config().mode() == RingMode.OVERWRITE, attached.config().slotCount());
            System.out.printf("writer %d: stopped at index %d%n", ProcessHandle.current().pid(), writer.position());
        }
        return 0;
    }

    private void write(RingWriter writer, boolean overwrite, int slotCount) {
        MessageChecksum messages = new MessageChecksum();
        SplittableRandom random = new SplittableRandom();
        long burst = 1 + random.nextInt(4 * slotCount);
        while (!stop) {
            MemorySegment slot = writer.claim(CLAIM_TIMEOUT_NANOS);
            long number = writer.position();
            int length = SoakSettings.lengthOf(number, size);
            messages.writeSealed(slot, number, 0, length);
            writer.commit(length);
            if (overwrite && --burst == 0) {
                // A spin, not a park: a park oversleeps by the timer slack and more on a loaded machine.
                long until = System.nanoTime() + random.nextLong(MAX_PAUSE_NANOS);
                while (System.nanoTime() - until < 0) {
                    Thread.onSpinWait();
                }
                burst = 1 + random.nextInt(4 * slotCount);
            }
        }
    }

    /** True at {@code go}; false when stdin ends first. */
    private static boolean awaitGo(BufferedReader stdin) throws IOException {
        for (String line; (line = stdin.readLine()) != null; ) {
            if (line.strip().equals(GO)) {
                return true;
            }
        }
        return false;
    }

    /** {@code stop} ends the writing loop; the end of stdin means the soak is gone: halt at once. */
    private void watchStdin(BufferedReader stdin) {
        Thread watcher = new Thread(() -> {
            try {
                for (String line; (line = stdin.readLine()) != null; ) {
                    if (line.strip().equals(STOP)) {
                        stop = true;
                    }
                }
            } catch (IOException ignored) {
                // same as the end of stdin
            }
            if (!stop) {
                Runtime.getRuntime().halt(PeerCommand.EXIT_PARENT_GONE);
            }
        }, "soak-writer-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }
}
