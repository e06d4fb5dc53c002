package io.shmbench.cli;

import io.shmbench.shm.Leftovers;
import io.shmbench.shm.Leftovers.Action;
import io.shmbench.shm.Leftovers.Finding;
import io.shmbench.shm.Leftovers.Root;
import io.shmbench.shm.SharedSegment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run-bench.sh clean}: removes what killed or crashed runs left behind. The deciding is
 * done by {@link Leftovers}; this class only picks the suite's real roots and prints the outcome.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        header = "Removes this suite's leftovers (segments, FIFO/socket directories, queues) of dead processes.",
        description = {
                "Removes this suite's leftovers whose creating process is dead: shared-memory segments in /dev/shm,",
                "private FIFO/socket directories under java.io.tmpdir and POSIX message queues in /dev/mqueue",
                "(when mounted). Never touches anything else: other names, symbolic links, other users' objects",
                "and objects of running processes are kept. Exits 1 if something could not be removed."})
final class CleanCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "List what would be removed without removing anything.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Root> roots = new ArrayList<>(List.of(
                Root.segments(SharedSegment.DEFAULT_DIR),
                Root.privateDirectories(Path.of(System.getProperty("java.io.tmpdir")))));
        if (Leftovers.isMessageQueueMount(Leftovers.MESSAGE_QUEUE_DIR)) {
            roots.add(Root.messageQueues(Leftovers.MESSAGE_QUEUE_DIR));
        } else {
            out.println(new Finding(Leftovers.MESSAGE_QUEUE_DIR, Action.NOTE,
                    "not mounted, so leftover message queues cannot be listed; skipped. "
                            + "As root: mkdir -p /dev/mqueue && mount -t mqueue none /dev/mqueue"));
        }

        List<Finding> findings = new Leftovers(roots).sweep(dryRun);
        findings.forEach(out::println);
        long removed = count(findings, dryRun ? Action.WOULD_REMOVE : Action.REMOVED);
        long kept = count(findings, Action.KEPT);
        long failed = count(findings, Action.FAILED);
        out.printf("clean: %s %d, kept %d, failed %d%n", dryRun ? "would remove" : "removed", removed, kept, failed);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static long count(List<Finding> findings, Action action) {
        return findings.stream().filter(f -> f.action() == action).count();
    }
}
