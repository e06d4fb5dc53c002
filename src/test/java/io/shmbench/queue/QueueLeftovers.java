package io.shmbench.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check every queue test class ends with: this JVM left no queue directory behind. */
final class QueueLeftovers {
    private QueueLeftovers() {
    }

    static void assertNoQueueDirectories() throws IOException {
        String prefix = "shmbench-" + MappedQueue.KIND + "-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<String> left = entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
            assertEquals(List.of(), left, "queue directories left behind in java.io.tmpdir");
        }
    }
}
