package io.shmbench.testutil;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.CheckedMessage;
import io.shmbench.message.MessageChecksum;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The other process of the cross-process ring tests (started with {@link ChildJvm}). It attaches
 * to a ring the test created and plays one role; it reports on stdout ({@code READY <pid>},
 * {@code DONE ...}, {@code CLOSED}, {@code FAILED <why>}) and exits when its stdin closes, so it
 * never outlives the test JVM.
 *
 * <ul>
 *   <li>{@code write path=P count=N seed=S writer=W [lead=L] [max=M]}: writes N sealed messages
 *       ({@link MessageChecksum#writeSealed}, stamped with the writer's id W)
 *       (N &lt; 0: until killed) of random length up to M, cycling through claim/commit,
 *       write(byte[]) and write(segment); with L &gt; 0 it stays at most L messages ahead of the
 *       reader (so an OVERWRITE writer laps a slow reader all the time without running away);
 *       then closes cleanly and prints {@code DONE N}.</li>
 *   <li>{@code write-many paths=P1,P2,... seed=S writer=W [max=M] [dwell=D]}: one writer thread per
 *       ring, each streaming sealed messages like {@code write} with {@code count=-1} (until
 *       killed) and seed {@code S + i} for ring i, so one SIGKILL stops several writers at
 *       independent points of their streams; the writers of the first D rings dwell inside their
 *       claimed messages (see {@link #stream}); {@link #messageLength} tells the test how long
 *       message n of a ring is.</li>
 *   <li>{@code hold path=P side=writer|reader stamp=true|false}: opens one side and holds it,
 *       stamping its heartbeat every 10 ms when {@code stamp=true}; the stdin command
 *       {@code close} detaches cleanly ({@code CLOSED}).</li>
 *   <li>{@code until-error path=P side=writer|reader wait=true|false}: uses one side until the ring
 *       fails, for fault tests. {@code wait=false} streams sealed messages with the copying
 *       calls (the reader checks each one); {@code wait=true} waits: the reader for a message that
 *       never comes, the writer (BLOCKING) for room in the ring it first fills. It prints
 *       {@code READY}, then on the first error {@code GOT <class>: <message>}; an InternalError (the
 *       JVM's SIGBUS report, see {@link io.shmbench.shm.SharedSegment}) that surfaced after a ring
 *       call returned is followed by {@code EXPLAINED <what Ring.explainFault says>}. Then
 *       {@code DELIVERED <n> CORRUPT <n>} and, once the ring is closed, {@code CLOSED}.</li>
 * </ul>
 */
public final class RingPeerMain {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private RingPeerMain() {
    }

    public static void main(String[] args) {
        try {
            Map<String, String> options = options(args);
            switch (args[0]) {
                case "write" -> write(options);
                case "write-many" -> writeMany(options);
                case "hold" -> hold(options);
                case "until-error" -> untilError(options);
                default -> throw new IllegalArgumentException("unknown role " + args[0]);
            }
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.out.println("FAILED " + t);
            System.out.flush();
            System.exit(1);
        }
    }

    private static void write(Map<String, String> options) {
        haltWhenStdinCloses();
        long count = Long.parseLong(options.get("count"));
        long lead = Long.parseLong(options.getOrDefault("lead", "0"));
        int writerId = Integer.parseInt(options.get("writer"));
        long seed = Long.parseLong(options.get("seed"));
        try (Ring ring = Ring.attach(Path.of(options.get("path")));
             RingWriter writer = ring.openWriter(WaitStrategy.YIELD)) {
            int max = maxLength(options, writer);
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            stream(ring, writer, count, lead, writerId, seed, max, false);
        }
        System.out.println("DONE " + count);
        System.out.flush();
    }

    private static void writeMany(Map<String, String> options) throws InterruptedException {
        haltWhenStdinCloses();
        int writerId = Integer.parseInt(options.get("writer"));
        long seed = Long.parseLong(options.get("seed"));
        int dwelling = Integer.parseInt(options.getOrDefault("dwell", "0"));
        List<Thread> threads = new ArrayList<>();
        String[] paths = options.get("paths").split(",");
        for (int i = 0; i < paths.length; i++) {
            // Opened here, before READY, so the test knows every ring has its writer when it reads the line.
            Ring ring = Ring.attach(Path.of(paths[i]));
            RingWriter writer = ring.openWriter(WaitStrategy.YIELD);
            int max = maxLength(options, writer);
            long ringSeed = seed + i;
            boolean dwell = i < dwelling;
            threads.add(new Thread(() -> {
                try (ring; writer) {
                    stream(ring, writer, -1, 0, writerId, ringSeed, max, dwell);
                } catch (Throwable t) {
                    t.printStackTrace();
                    System.out.println("FAILED " + t);
                    System.out.flush();
                    Runtime.getRuntime().halt(1);
                }
            }, "writer-" + i));
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /**
     * The length of message {@code n} a writer started with {@code seed} and {@code max} streams: it
     * draws one {@link #randomLength} per message, in order. Lets a test check the slot a
     * killed writer left half-written.
     */
    public static int messageLength(long seed, int max, long n) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = 0;
        for (long i = 0; i <= n; i++) {
            length = randomLength(random, max);
        }
        return length;
    }

    /** A random message length in {@code MIN_SEALED_LENGTH..max}, at most 32 KiB. */
    public static int randomLength(SplittableRandom random, int max) {
        int min = MessageChecksum.MIN_SEALED_LENGTH;
        return min + random.nextInt(Math.min(max, 1 << 15) - min + 1);
    }

    private static int maxLength(Map<String, String> options, RingWriter writer) {
        return Math.min(Integer.parseInt(options.getOrDefault("max", "" + writer.maxPayload())), writer.maxPayload());
    }

    /**
     * Writes {@code count} messages (until killed when negative), cycling through claim/commit,
     * write(byte[]) and write(segment). With {@code dwell}, a claimed message is written in two
     * steps with a {@link Thread#yield} between them, the slot holding the new number over the old
     * body meanwhile: a writer descheduled inside a message, so that kills land there often.
     */
    private static void stream(Ring ring, RingWriter writer, long count, long lead, int writerId, long seed, int max,
                               boolean dwell) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] array = new byte[max];
        MemorySegment heap = MemorySegment.ofArray(new byte[max]);
        MessageChecksum messages = new MessageChecksum();
        for (long n = 0; count < 0 || n < count; n++) {
            if (lead > 0) {
                long reader = writer.position() - lead;
                Await.until("the reader has consumed up to " + reader, () -> ring.readIndex() >= reader);
            }
            int length = randomLength(random, max);
            switch ((int) (n % 3)) {
                case 0 -> {
                    MemorySegment view = writer.claim(TIMEOUT_NANOS);
                    if (dwell) {
                        CheckedMessage.writeSequence(view, n);
                        Thread.yield();
                    }
                    messages.writeSealed(view, n, writerId, length);
                    writer.commit(length);
                }
                case 1 -> {
                    messages.writeSealed(MemorySegment.ofArray(array), n, writerId, length);
                    writer.write(array, 0, length, TIMEOUT_NANOS);
                }
                default -> {
                    messages.writeSealed(heap, n, writerId, length);
                    writer.write(heap, 0, length, TIMEOUT_NANOS);
                }
            }
        }
    }

    private static void hold(Map<String, String> options) throws Exception {
        boolean stamp = Boolean.parseBoolean(options.get("stamp"));
        try (Ring ring = Ring.attach(Path.of(options.get("path")))) {
            // RingWriter and RingReader share heartbeat() and close() but no public supertype.
            Runnable heartbeat;
            AutoCloseable cursor;
            switch (options.get("side")) {
                case "writer" -> {
                    RingWriter writer = ring.openWriter(WaitStrategy.PARK);
                    heartbeat = writer::heartbeat;
                    cursor = writer;
                }
                case "reader" -> {
                    RingReader reader = ring.openReader(WaitStrategy.PARK);
                    heartbeat = reader::heartbeat;
                    cursor = reader;
                }
                default -> throw new IllegalArgumentException("side must be writer or reader: " + options.get("side"));
            }
            Thread stamper = new Thread(() -> {
                try {
                    while (true) {
                        heartbeat.run();
                        Thread.sleep(10);
                    }
                } catch (InterruptedException done) {
                    // detaching
                }
            }, "heartbeat");
            if (stamp) {
                stamper.start();
            }
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("close")) {
                        stamper.interrupt();
                        stamper.join();
                        cursor.close();
                        System.out.println("CLOSED");
                        System.out.flush();
                    }
                }
            } catch (IOException e) {
                // stdin broke: the test JVM is gone
            }
            stamper.interrupt();
            stamper.join();
            cursor.close();
        }
    }

    private static void untilError(Map<String, String> options) {
        haltWhenStdinCloses();
        boolean wait = Boolean.parseBoolean(options.get("wait"));
        MessageChecksum messages = new MessageChecksum();
        long delivered = 0;
        long corrupt = 0;
        try (Ring ring = Ring.attach(Path.of(options.get("path")))) {
            try {
                if (options.get("side").equals("writer")) {
                    try (RingWriter writer = ring.openWriter(WaitStrategy.YIELD)) {
                        byte[] message = new byte[Math.min(writer.maxPayload(), 1000)];
                        SplittableRandom random = new SplittableRandom(1);
                        for (long n = 0; wait; n++) { // fill the ring, so that the next write waits
                            messages.writeSealed(MemorySegment.ofArray(message), n, 1, MessageChecksum.MIN_SEALED_LENGTH);
                            if (!writer.offer(message, 0, MessageChecksum.MIN_SEALED_LENGTH)) {
                                break;
                            }
                        }
                        System.out.println("READY " + ProcessHandle.current().pid());
                        System.out.flush();
                        for (long n = writer.position(); ; n++) {
                            int length = randomLength(random, message.length);
                            messages.writeSealed(MemorySegment.ofArray(message), n, 1, length);
                            writer.write(message, 0, length, TIMEOUT_NANOS);
                        }
                    }
                }
                try (RingReader reader = ring.openReader(WaitStrategy.YIELD)) {
                    byte[] message = new byte[reader.maxPayload()];
                    System.out.println("READY " + ProcessHandle.current().pid());
                    System.out.flush();
                    while (true) {
                        int length = reader.read(message, TIMEOUT_NANOS);
                        if (!messages.intact(MemorySegment.ofArray(message), length) || CheckedMessage.sequence(MemorySegment.ofArray(message)) != reader.position() - 1) {
                            corrupt++;
                        }
                        delivered++;
                    }
                }
            } catch (ChannelException | InternalError e) {
                System.out.println("GOT " + e);
                if (e instanceof InternalError fault) {
                    System.out.println("EXPLAINED " + ring.explainFault(fault).getMessage());
                }
            }
            System.out.println("DELIVERED " + delivered + " CORRUPT " + corrupt);
            System.out.flush();
        }
        System.out.println("CLOSED");
        System.out.flush();
    }

    /** The test JVM is gone or gave up when stdin closes: stop writing at once. */
    private static void haltWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            drainStdin();
            Runtime.getRuntime().halt(3);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void drainStdin() {
        try {
            while (System.in.read() >= 0) {
                // commands are not used by this role; wait for the end of the stream
            }
        } catch (IOException ignored) {
            // same as the end of the stream
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: RingPeerMain write|hold key=value...");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + args[i]);
            }
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return options;
    }
}
