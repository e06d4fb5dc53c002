package io.shmbench.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What this test JVM has left behind: files named {@code shmbench-*-<this pid>-*} in /dev/shm and
 * java.io.tmpdir, and live child processes. Tests take a snapshot before and compare after.
 */
final class LeakCheck {
    private final Set<String> before;

    LeakCheck() {
        this.before = ours();
    }

    static Set<String> ours() {
        return ours("-" + ProcessHandle.current().pid() + "-");
    }

    /** Suite-named entries of /dev/shm and java.io.tmpdir whose name contains {@code marker}. */
    static Set<String> ours(String marker) {
        Set<String> names = new TreeSet<>();
        for (Path dir : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("shmbench-") && n.contains(marker))
                        .forEach(n -> names.add(dir.resolve(n).toString()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + dir, e);
            }
        }
        return names;
    }

    static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    /** Fails when a file or child process appeared since the snapshot. */
    void assertNothingLeft() {
        Set<String> now = ours();
        now.removeAll(before);
        assertEquals(Set.of(), now, "files left behind");
        assertEquals(List.of(), liveChildren().stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
                "child processes left behind");
    }
}
