package io.shmbench.cli;

import io.shmbench.shm.PrivateDirectory;
import io.shmbench.transport.Channel;
import io.shmbench.transport.ChannelConfig;
import io.shmbench.transport.PeerProcess;
import io.shmbench.transport.PeerTask;
import io.shmbench.transport.SizeLimit;
import io.shmbench.transport.Transport;
import io.shmbench.transport.Transports;
import io.shmbench.transport.WaitMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code check}: for each transport, start a peer that echoes, send messages of random sizes and
 * random bytes through it, verify every byte that comes back, and print one line: the name, OK or
 * FAILED with the reason, and the median round trip; or SKIPPED with the reason for a transport
 * this machine cannot run ({@code shm-ring-c} without a C compiler), which is no failure. Exits 1
 * when any transport fails, 2 on a usage error (such as an unknown transport, with the list of
 * valid names).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Round-trip random messages through each transport and a real peer process; verify every byte.")
public final class CheckCommand implements Callable<Integer> {
    private static final String ALL = "all";

    @Spec
    CommandSpec spec;

    @Option(names = "--transport", defaultValue = ALL, paramLabel = "NAME", completionCandidates = TransportNames.class,
            description = "a transport, a comma-separated list, or all (default). Valid: ${COMPLETION-CANDIDATES}")
    String transport;

    @Option(names = "--size", defaultValue = "4096", paramLabel = "BYTES",
            description = "largest message; sizes are random in 1..BYTES, capped at a transport's limit (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--messages", defaultValue = "10000", paramLabel = "N", description = "round trips per transport (default ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--wait", defaultValue = "block", paramLabel = "MODE",
            description = "block (sleep in the kernel; shared memory spins, then parks) or spin (busy-poll) (default ${DEFAULT-VALUE})")
    String wait;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "timeout of every blocking call (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /** The valid names, for the option's help. */
    static final class TransportNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Transports.names().iterator();
        }
    }

    @Override
    public Integer call() {
        List<Transport> transports = selected();
        WaitMode waitMode = waitMode();
        if (size < 1 || messages < 1 || timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--size, --messages and --timeout must be at least 1 (were "
                    + size + ", " + messages + ", " + timeoutSeconds + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("check: %d round trips per transport, random sizes 1..%d bytes, %s waits%n",
                messages, size, waitMode.name().toLowerCase(Locale.ROOT));
        out.flush();
        int failed = 0;
        PrivateDirectory logs = PrivateDirectory.create("check");
        try {
            for (Transport t : transports) {
                String result = check(t, waitMode, logs);
                if (result.startsWith("FAILED")) {
                    failed++;
                }
                out.printf("%-16s %s%n", t.name(), result);
                out.flush();
            }
        } finally {
            if (failed == 0) {
                logs.close();
            }
        }
        if (failed > 0) {
            out.printf("%d of %d transports FAILED; peer logs are in %s%n", failed, transports.size(), logs);
            return 1;
        }
        return 0;
    }

    private List<Transport> selected() {
        if (ALL.equals(transport)) {
            return Transports.all();
        }
        List<Transport> chosen = new ArrayList<>();
        for (String name : transport.split(",")) {
            try {
                chosen.add(Transports.byName(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + ", or all");
            }
        }
        return chosen;
    }

    private WaitMode waitMode() {
        try {
            return WaitMode.parse(wait);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** One transport's result line (without the name). */
    private String check(Transport t, WaitMode waitMode, PrivateDirectory logs) {
        Optional<String> unavailable = t.unavailable();
        if (unavailable.isPresent()) {
            return "SKIPPED (" + unavailable.get() + ")";
        }
        SizeLimit limit = t.sizeLimit();
        int largest = Math.min(size, limit.maxBytes());
        String note = largest < size ? "  (sizes capped at " + largest + " bytes: " + limit.reason() + ")" : "";
        ChannelConfig config = ChannelConfig.of(largest).withWaitMode(waitMode).withTimeout(Duration.ofSeconds(timeoutSeconds));
        SplittableRandom random = new SplittableRandom(42);
        long[] roundTrips = new long[messages];
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(t, config, PeerTask.echo(), logs.resolve(t.name() + ".log"))) {
            Channel channel = peer.channel();
            MemorySegment sent = arena.allocate(Math.max(1, largest), 64);
            MemorySegment received = arena.allocate(Math.max(1, largest), 64);
            for (int i = 0; i < messages; i++) {
                int length = largest == 0 ? 0 : 1 + random.nextInt(largest);
                fillRandom(sent, length, random);
                long start = System.nanoTime();
                channel.send(sent, length);
                int echoed = channel.receive(received);
                roundTrips[i] = System.nanoTime() - start;
                if (echoed != length) {
                    return "FAILED (message " + i + ": sent " + length + " bytes, " + echoed + " came back)";
                }
                long at = MemorySegment.mismatch(sent, 0, length, received, 0, length);
                if (at >= 0) {
                    return "FAILED (message " + i + " of " + length + " bytes came back changed at byte " + at + ")";
                }
            }
        } catch (RuntimeException e) {
            return "FAILED (" + firstLine(e.getMessage() != null ? e.getMessage() : e.toString()) + "; log " + logs.resolve(t.name() + ".log") + ")";
        }
        Arrays.sort(roundTrips);
        return String.format(Locale.ROOT, "OK      median round trip %8.1f us%s", roundTrips[messages / 2] / 1000.0, note);
    }

    private static void fillRandom(MemorySegment target, int length, SplittableRandom random) {
        int k = 0;
        for (; k + 8 <= length; k += 8) {
            target.set(ValueLayout.JAVA_LONG_UNALIGNED, k, random.nextLong());
        }
        for (; k < length; k++) {
            target.set(ValueLayout.JAVA_BYTE, k, (byte) random.nextInt());
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text.strip() : text.substring(0, newline).strip();
    }
}
