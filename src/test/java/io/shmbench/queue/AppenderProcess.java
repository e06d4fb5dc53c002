package io.shmbench.queue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The appending side of the cross-process tests, run in a child JVM:
 * {@code AppenderProcess <queue dir> <records> <seed> <max size> <then>}. It opens the queue's
 * appender, prints {@code ready}, waits for a line on stdin, appends the records of {@link TestRecords},
 * prints {@code done <crc32>} and then, by {@code <then>}: {@code exit}, or {@code claim-and-hang}
 * (claims one more record, half-writes it, prints {@code claimed} and waits to be killed). It exits
 * when its stdin closes, so it never outlives the test JVM.
 */
public final class AppenderProcess {
    private AppenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        long records = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        int maxSize = Integer.parseInt(args[3]);
        String then = args[4];
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (MappedQueue queue = MappedQueue.open(directory)) {
            QueueAppender appender = queue.appender();
            System.out.println("ready " + ProcessHandle.current().pid());
            System.out.flush();
            if (in.readLine() == null) {
                return;
            }
            TestRecords generator = new TestRecords(seed, maxSize);
            for (long i = 0; i < records; i++) {
                generator.append(appender, i);
            }
            System.out.println("done " + generator.crc());
            System.out.flush();
            if (then.equals("claim-and-hang")) {
                long at = appender.claim(maxSize);
                appender.buffer().asSlice(at, maxSize / 2).fill((byte) 0x5A);
                appender.buffer().set(ValueLayout.JAVA_BYTE, at, (byte) 1);
                System.out.println("claimed");
                System.out.flush();
                in.readLine(); // killed here, or released when the test JVM goes away
            }
        }
    }
}
