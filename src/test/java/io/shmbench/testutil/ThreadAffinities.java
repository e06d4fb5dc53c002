package io.shmbench.testutil;

import io.shmbench.placement.CpuList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What another process's threads may run on, from {@code /proc/<pid>/task/<tid>/status}. */
public final class ThreadAffinities {
    private ThreadAffinities() {
    }

    /** The {@code Cpus_allowed_list} of every thread of {@code pid} (threads that exit meanwhile are skipped). */
    public static List<List<Integer>> of(long pid) {
        List<List<Integer>> affinities = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("Cpus_allowed_list:")) {
                            affinities.add(CpuList.parse(line.substring(line.indexOf(':') + 1)));
                        }
                    }
                } catch (IOException gone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of pid " + pid + ": " + e.getMessage(), e);
        }
        return affinities;
    }
}
