package io.shmbench.cli;

import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.shm.SegmentName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code run-bench.sh ring create|inspect|remove NAME}: a ring under a name the user chooses, in
 * {@code /dev/shm/NAME}, for programs outside the suite (the C and Python peers in src/main/c and
 * src/main/python) to attach by name. The suite's own rings have unguessable names removed once
 * the peer attached; a named ring stays until {@code ring remove}. Exit 0 on success, 1 when the
 * ring cannot be created, read or removed (the message says why), 2 on a usage error, a bad name
 * included.
 */
@Command(name = "ring", mixinStandardHelpOptions = true,
        header = "Creates, inspects or removes a ring under a name of your choice, for C, Python or other programs.",
        description = "A named ring is the file /dev/shm/NAME: created exclusively (O_EXCL) and owner-only (0600), "
                + "attached only after its header is validated. Its binary layout and protocol: docs/ring-layout.md.",
        subcommands = {RingCommand.Create.class, RingCommand.Inspect.class, RingCommand.Remove.class})
final class RingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say what to do with the ring: create, inspect or remove");
    }

    /** The name every subcommand takes, checked before anything touches the file system. */
    static String checkedName(CommandSpec spec, String name) {
        String problem = SegmentName.problem(name);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "bad ring name '" + name + "': " + problem);
        }
        return name;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates the ring /dev/shm/NAME; fails when the name exists. The ring stays until 'ring remove NAME'.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "letters, digits, '.', '_', '-'; at most 255 bytes")
        String name;

        @Option(names = "--slots", defaultValue = "4", paramLabel = "N", description = "slot count (default ${DEFAULT-VALUE})")
        int slots;

        @Option(names = "--max-message", defaultValue = "256", paramLabel = "BYTES",
                description = "largest message a slot holds, rounded up to a whole slot (default ${DEFAULT-VALUE})")
        int maxMessage;

        @Option(names = "--mode", defaultValue = "blocking", paramLabel = "MODE",
                description = "blocking (lossless, the writer waits) or overwrite (latest wins, the writer never waits); default ${DEFAULT-VALUE}")
        String mode;

        @Override
        public Integer call() {
            checkedName(spec, name);
            RingConfig config;
            try {
                config = RingConfig.of(slots, maxMessage).withMode(parseMode(spec, mode));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--slots " + slots + " --max-message " + maxMessage + ": "
                        + e.getMessage());
            }
            try (Ring ring = Ring.createNamed(name, config)) {
                spec.commandLine().getOut().printf("created %s: %s%n", ring.path(), describe(ring.config()));
            }
            return 0;
        }
    }

    /** What inspect and remove share: a NAME, checked, and the ring attached (its header validated) for the action. */
    abstract static class OnExistingRing implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            checkedName(spec, name);
            PrintWriter out = spec.commandLine().getOut();
            try (Ring ring = Ring.attachNamed(name)) {
                act(ring, out);
            }
            out.flush();
            return 0;
        }

        abstract void act(Ring ring, PrintWriter out);
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Validates the ring /dev/shm/NAME and prints its geometry, indices and both sides' status.")
    static final class Inspect extends OnExistingRing {
        @Override
        void act(Ring ring, PrintWriter out) {
            long staleAfter = TimeUnit.SECONDS.toNanos(1);
            out.printf("ring %s: %s%n", ring.path(), describe(ring.config()));
            out.printf("write index %d, read index %d%n", ring.writeIndex(), ring.readIndex());
            out.printf("writer %s, reader %s%n", status(ring.writerStatus(staleAfter)), status(ring.readerStatus(staleAfter)));
        }

        private static String status(PeerStatus status) {
            return status.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Attaching first validates the header: remove never deletes a file that is not a ring. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes the name /dev/shm/NAME of a ring (processes attached to it carry on); refuses a file that is no ring.")
    static final class Remove extends OnExistingRing {
        @Override
        void act(Ring ring, PrintWriter out) {
            ring.unlink();
            out.printf("removed %s%n", ring.path());
        }
    }

    static RingMode parseMode(CommandSpec spec, String text) {
        try {
            return RingMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mode '" + text + "' is neither blocking nor overwrite");
        }
    }

    static String describe(RingConfig config) {
        return String.format(Locale.ROOT, "%s, %d slots of %d bytes (messages up to %d bytes), %d bytes in all",
                config.mode().name().toLowerCase(Locale.ROOT), config.slotCount(), config.slotSize(), config.maxPayload(),
                config.segmentSize());
    }
}
