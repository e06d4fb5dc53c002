package io.shmbench.shm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and removes what crashed or killed runs of the suite left behind: objects named by
 * {@link SuiteName} whose creating process is dead. It never touches anything else: a name that
 * does not parse, a symbolic link, an object of another user, an object of the wrong shape for its
 * root and an object whose creator still runs are all kept, each with the reason.
 *
 * <p>The roots are inputs so tests can point the sweep at fabricated directories; {@code clean}
 * passes {@code /dev/shm}, {@code java.io.tmpdir} and {@code /dev/mqueue} when that is mounted.
 *
 * <p>Links are never followed: every check reads the entry itself ({@code NOFOLLOW_LINKS}) and a
 * private directory is removed by a walk that does not follow links inside it either. A dead
 * creator's pid may since have been reused by an unrelated process; the object is then kept, which
 * errs on the safe side.
 */
public final class Leftovers {
    /** The mount point of the POSIX message queue file system, where queues appear as files. */
    public static final Path MESSAGE_QUEUE_DIR = Path.of("/dev/mqueue");

    /** What the suite creates in a root: plain files (segments, queues) or private directories. */
    public enum Shape {
        REGULAR_FILE, DIRECTORY
    }

    /** One directory to sweep, what the suite creates in it and what to call it in messages. */
    public record Root(Path dir, Shape shape, String what) {
        public static Root segments(Path dir) {
            return new Root(dir, Shape.REGULAR_FILE, "shared-memory segment");
        }

        /** Private directories holding a FIFO or a Unix socket; removed with their contents. */
        public static Root privateDirectories(Path dir) {
            return new Root(dir, Shape.DIRECTORY, "private FIFO/socket directory");
        }

        public static Root messageQueues(Path dir) {
            return new Root(dir, Shape.REGULAR_FILE, "POSIX message queue");
        }
    }

    public enum Action {
        REMOVED("removed"), WOULD_REMOVE("would remove"), KEPT("kept"), FAILED("FAILED"), NOTE("note");

        private final String label;

        Action(String label) {
            this.label = label;
        }
    }

    /** What the sweep did with one entry (or, for {@link Action#NOTE}, with a whole root) and why. */
    public record Finding(Path path, Action action, String reason) {
        @Override
        public String toString() {
            return String.format("%-12s %s (%s)", action.label, path, reason);
        }
    }

    private final List<Root> roots;
    private final int uid;

    /** A sweep of {@code roots} that removes only objects of the user running this process. */
    public Leftovers(List<Root> roots) {
        this.roots = List.copyOf(roots);
        this.uid = Libc.getuid();
    }

    /**
     * Sweeps every root in order; with {@code dryRun} nothing is removed and what would be is
     * reported as {@link Action#WOULD_REMOVE}. Entries whose names do not start with
     * {@link SuiteName#PREFIX} are not the suite's and are not reported at all.
     */
    public List<Finding> sweep(boolean dryRun) {
        List<Finding> findings = new ArrayList<>();
        for (Root root : roots) {
            sweep(root, dryRun, findings);
        }
        return findings;
    }

    /**
     * Whether {@code dir} is a mounted message queue file system. Without the mount, queues exist
     * in the kernel but cannot be listed, so {@code clean} can only say so.
     */
    public static boolean isMessageQueueMount(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return "mqueue".equals(store.type())
                    && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    private void sweep(Root root, boolean dryRun, List<Finding> findings) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.dir(),
                entry -> entry.getFileName().toString().startsWith(SuiteName.PREFIX))) {
            entries.forEach(candidates::add);
        } catch (NoSuchFileException | NotDirectoryException e) {
            findings.add(new Finding(root.dir(), Action.NOTE,
                    "no such directory; no " + root.what() + " to clean there"));
            return;
        } catch (IOException e) {
            findings.add(new Finding(root.dir(), Action.FAILED,
                    "cannot list it to find leftover " + root.what() + "s: " + e));
            return;
        }
        candidates.sort(null);
        for (Path candidate : candidates) {
            examine(candidate, root, dryRun).ifPresent(findings::add);
        }
    }

    /** The finding for one candidate, or empty when it vanished while being examined. */
    private Optional<Finding> examine(Path path, Root root, boolean dryRun) {
        Optional<SuiteName> parsed = SuiteName.parse(path.getFileName().toString());
        if (parsed.isEmpty()) {
            return kept(path, "name does not follow " + SuiteName.PREFIX + "<kind>-<pid>-<16 hex digits>; not the suite's");
        }
        SuiteName name = parsed.get();
        EntryAttributes entry;
        try {
            entry = EntryAttributes.read(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Finding(path, Action.FAILED, "cannot read its attributes: " + e));
        }
        if (entry.posix().isSymbolicLink()) {
            return kept(path, "a symbolic link; the suite creates none and clean never follows one");
        }
        if (entry.ownerUid() != uid) {
            return kept(path, "owned by uid " + entry.ownerUid() + ", not by this user (uid " + uid + ")");
        }
        String shapeProblem = shapeProblem(entry.posix(), root.shape());
        if (shapeProblem != null) {
            return kept(path, shapeProblem + "; the suite creates a " + root.what() + " here");
        }
        if (name.creatorAlive()) {
            return kept(path, "its creator, pid " + name.creatorPid() + ", is running");
        }
        String why = root.what() + " of pid " + name.creatorPid() + ", which is dead";
        if (dryRun) {
            return Optional.of(new Finding(path, Action.WOULD_REMOVE, why));
        }
        try {
            if (root.shape() == Shape.DIRECTORY) {
                PrivateDirectory.deleteTree(path);
            } else {
                Files.deleteIfExists(path);
            }
            return Optional.of(new Finding(path, Action.REMOVED, why));
        } catch (IOException e) {
            return Optional.of(new Finding(path, Action.FAILED, why + ", but removing it failed: " + e));
        }
    }

    private static String shapeProblem(PosixFileAttributes attributes, Shape expected) {
        return switch (expected) {
            case REGULAR_FILE -> attributes.isRegularFile() ? null
                    : attributes.isDirectory() ? "a directory" : "not a regular file";
            case DIRECTORY -> attributes.isDirectory() ? null : "not a directory";
        };
    }

    private static Optional<Finding> kept(Path path, String reason) {
        return Optional.of(new Finding(path, Action.KEPT, reason));
    }
}
