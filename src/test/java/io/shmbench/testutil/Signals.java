package io.shmbench.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signals to a child process for tests that freeze a peer (STOP) and let it go again (CONT). */
public final class Signals {
    private Signals() {
    }

    /**
     * Sends {@code kill -<signal> pid}. For STOP it then waits until every thread of the process is
     * stopped: kill returns once the signal is sent, and each thread stops only when the kernel next
     * schedules it, so on a loaded machine a "stopped" peer could still answer once.
     */
    public static void send(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
        if (signal.equals("STOP")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!allThreadsStopped(pid)) {
                assertTrue(System.nanoTime() < deadline, "process " + pid + " did not stop");
                Thread.sleep(10);
            }
        }
    }

    private static boolean allThreadsStopped(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.allMatch(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
                } catch (IOException gone) {
                    return true; // a thread that ended meanwhile
                }
            });
        }
    }
}
