package io.shmbench.queue;

import io.shmbench.measure.PageFaultCount;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The appending side of {@link QueueChunkAheadTest}, in a child JVM:
 * {@code RollingAppenderProcess <queue dir> <record bytes>}. It opens the appender, prints
 * {@code ready}, then answers commands on stdin:
 * <ul>
 *   <li>{@code warm <rolls> <left>}: appends until it has rolled over {@code rolls} times, waits (up to
 *       30 s) until the next chunk is prepared, appends until {@code left} records fit in the chunk,
 *       prints {@code warm <records appended in all>};</li>
 *   <li>{@code window <records>}: appends that many, counting this thread's page faults around
 *       them, prints {@code window <faults> <chunks entered>}.</li>
 * </ul>
 * It exits when its stdin closes, so it never outlives the test JVM.
 */
public final class RollingAppenderProcess {
    private RollingAppenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (MappedQueue queue = MappedQueue.open(directory); Arena arena = Arena.ofConfined()) {
            MemorySegment record = arena.allocate(size).fill((byte) 7);
            MemorySegment usage = PageFaultCount.usageBuffer(arena);
            QueueAppender appender = queue.appender();
            System.out.println("ready " + ProcessHandle.current().pid());
            System.out.flush();
            int recordSize = QueueLayout.recordSize(QueueLayout.RECORD_HEADER_SIZE + size);
            for (String line; (line = in.readLine()) != null; ) {
                String[] command = line.split(" ");
                if (command[0].equals("warm")) {
                    long until = appender.chunk.number + Long.parseLong(command[1]);
                    while (appender.chunk.number < until) {
                        appender.append(record, 0, size);
                    }
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (!appender.nextChunkPrepared()) {
                        if (System.nanoTime() - deadline > 0) {
                            throw new IllegalStateException("the next chunk was not prepared within 30 s");
                        }
                        Thread.sleep(1);
                    }
                    int left = Integer.parseInt(command[2]);
                    while ((appender.chunk.recordLimit - appender.position) / recordSize > left) {
                        appender.append(record, 0, size);
                    }
                    System.out.println("warm " + appender.nextIndex());
                } else if (command[0].equals("window")) {
                    int records = Integer.parseInt(command[1]);
                    long chunk = appender.chunk.number;
                    long before = PageFaultCount.ofThisThread(usage);
                    for (int i = 0; i < records; i++) {
                        appender.append(record, 0, size);
                    }
                    long faults = PageFaultCount.ofThisThread(usage) - before;
                    System.out.println("window " + faults + " " + (appender.chunk.number - chunk));
                }
                System.out.flush();
            }
        }
    }
}
