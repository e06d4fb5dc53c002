package io.shmbench.bench;

import io.shmbench.measure.CpuCost;
import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.RunDirectory;
import io.shmbench.measure.SeriesName;
import io.shmbench.message.AlternatingMessages;
import io.shmbench.message.StampedStream;
import io.shmbench.run.Verdict;
import io.shmbench.transport.Channel;
import io.shmbench.transport.ChannelConfig;
import io.shmbench.transport.ChannelException;
import io.shmbench.transport.FloorSchedule;
import io.shmbench.transport.PeerProcess;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.PeerTask;
import io.shmbench.transport.SinkReport;
import io.shmbench.transport.Transport;
import io.shmbench.transport.Transports;
import io.shmbench.transport.WaitMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Q1: how fast is each transport between two processes, and what does it cost in CPU?
 *
 * <p>Every transport of {@link Transports} (pipe, FIFO, TCP loopback, Unix socket, POSIX message
 * queue, the suite's shared-memory ring, Agrona's ring, Chronicle Queue, and chronicle-style once
 * registered) moves messages between this JVM and a peer JVM ({@link PeerProcess}, started in the
 * trial set-up and always stopped in its tear-down). Three ways of asking:
 * <ul>
 *   <li>{@link #roundTrip}: ping-pong through an {@code echo} peer; every round trip is recorded
 *       ({@link LatencyRecorder}, one {@code .hlog} per series) and every echo compared byte for byte
 *       with what was sent ({@link AlternatingMessages}). {@code floor} runs here too: one cache line bounced
 *       between the processes, carrying no payload (its size limit is 0 B), so it is measured at
 *       {@code messageBytes=0} only: the machine's physical limit, against which every transport's
 *       round trip is read as a multiple.</li>
 *   <li>{@link #throughput}: one-way stream into a {@code sink}, as fast as the transport takes it;
 *       the sink checksums every byte and reports count and CRC32C after each
 *       {@value #SINK_BATCH} messages, which this side checks one batch later (so the pipeline never
 *       drains on the measured path).</li>
 *   <li>{@link #fixedRate}: a {@code source} peer sends at {@code ratePerSecond}, each message
 *       stamped with its intended send time ({@link StampedStream}); this side records one-way
 *       latency = arrival - intended send time ({@code System.nanoTime} is CLOCK_MONOTONIC, shared by
 *       the processes of one host). Because the intended time is fixed in advance, a receiver that
 *       falls behind sees the queueing delay of every message behind the stall: no coordinated
 *       omission. Each message's stamp, sequence and filler are checked.</li>
 * </ul>
 * Both streaming modes also report CPU nanoseconds per message of both processes together
 * ({@link CpuCost}: {@code cpuNs} / {@code messages}), so a spinning transport is not mistaken for a
 * free one: at a low fixed rate a spinning pair burns two cores whether messages come or not.
 *
 * <p>Why: the seed chooses a shared-memory ring for its latency. These numbers say by how much it
 * beats the kernel's mechanisms at telemetry sizes (64 B .. 2880 B, the seed's snapshot, up to
 * 64 KiB), how close each comes to the floor, and what the waiting costs. {@code waitStrategy} is
 * how both sides wait ({@link WaitMode}): {@code spin} busy-polls with {@code onSpinWait};
 * {@code yield} busy-polls with {@code Thread.yield()}; {@code block} sleeps in the kernel for the
 * kernel transports ({@code poll(2)}) but, for the shared-memory ones, which nothing can wake, spins
 * briefly and then parks with back-off, so their blocking round trip mostly measures the kernel's
 * timer slack.
 *
 * <p>How to read it: compare series of one run, as ratios (cross-process numbers move 15-30%
 * between runs as the host moves vCPUs). Round trips: the percentile plots per size and the
 * multiple of floor at 64 B; one-way latency is roughly half a round trip only for symmetric
 * transports. Throughput: messages/s and bytes/s against size; the sink's CRC32C is part of its
 * per-message cost, so at large sizes every transport approaches the checksum's bandwidth.
 * Fixed rate: the latency percentiles at each rate (a transport that cannot keep the rate shows
 * latency growing with the run, and throughput below the rate) and CPU ns per message.
 * Combinations a transport cannot do (a size over its limit, any payload on floor) are not run and
 * appear as {@code unsupported} in {@code raw/outcomes.csv} ({@link Q1Plan}); a peer that times out,
 * dies or delivers a wrong message is recorded as {@code timed out}, {@code failed} or
 * {@code N corrupt} and does not stop the suite.
 */
public class Q1Transports {
    static final String ROUND_TRIP = "roundTrip";
    static final String THROUGHPUT = "throughput";
    static final String FIXED_RATE = "fixedRate";
    /** Longest wait for any one message; a healthy transport needs microseconds, a loaded machine milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Messages per sink report. */
    static final int SINK_BATCH = 1024;
    /** A fixed-rate source is restarted this often per second, so each iteration ends on a whole batch. */
    static final int SOURCE_BATCHES_PER_SECOND = 100;
    /**
     * Messages exchanged in the trial set-up, before JMH's first iteration: a peer that has just said
     * it is ready still runs its loop in the interpreter, and on a loaded machine its first
     * milliseconds would otherwise fill a short (smoke) iteration.
     */
    static final int PRIME_MESSAGES = 2000;

    /** One peer process and its channel; the parameters every Q1 mode shares. */
    @State(Scope.Thread)
    public abstract static class Peer {
        /** Every registered transport; the first is what smoke runs. Unregistered names are skipped by {@link Q1Plan}. */
        @Param({"shm-ring", "uds", "tcp", "pipe", "fifo", "mq", "agrona", "chronicle-queue", "chronicle-style", "floor"})
        public String transport;

        /** 2880 B is the seed's telemetry snapshot; 0 B is floor's only size. */
        @Param({"64", "2048", "2880", "8", "256", "65536", "0"})
        public int messageBytes;

        /** {@link WaitMode} of both sides. */
        @Param({"spin", "block", "yield"})
        public String waitStrategy;

        /**
         * Where the two processes run ({@link CrossCorePin}): {@code cross-core} (the default) pins this
         * side and the peer to two cores of one node, {@code none} leaves both to the scheduler.
         */
        @Param({CrossCorePin.CROSS_CORE})
        public String pinning = CrossCorePin.CROSS_CORE;

        /** Names this benchmark and its parameters in recorded outcomes. */
        SeriesName series;
        /** Longest wait for one message ({@link #TIMEOUT}; tests shorten it). */
        Duration timeout = TIMEOUT;
        Arena arena;
        CrossCorePin pin;
        PeerProcess peer;
        Channel channel;
        /** Receive buffer, as large as the channel's largest message. */
        MemorySegment in;
        /** Counts the checked messages and records how the trial ended. */
        TrialOutcome outcome;

        /**
         * Starts the peer and exchanges {@link #PRIME_MESSAGES} messages or so ({@code prime}); refuses a
         * combination {@link Q1Plan} does not run, with its reason. A failure stops the peer before it
         * is thrown: JMH calls no tear-down after a failed set-up.
         */
        void start(SeriesName name, PeerRole role, PeerTask task, Runnable prime) {
            series = name;
            outcome = new TrialOutcome(name, OutcomeLog.current());
            try {
                startPeer(role, task);
                prime.run();
            } catch (RuntimeException e) {
                stop("");
                throw e;
            }
        }

        private void startPeer(PeerRole role, PeerTask task) {
            Transport t = Transports.byName(transport);
            WaitMode wait = WaitMode.parse(waitStrategy);
            Verdict support = Q1Plan.support(role, t, messageBytes);
            if (!support.runs()) {
                throw new IllegalStateException(series + " is not measured: " + support.reason());
            }
            int channelBytes = Q1Plan.channelBytes(role, t, messageBytes);
            arena = Arena.ofShared();
            in = arena.allocate(Math.max(1, channelBytes), 64);
            pin = CrossCorePin.pinThisThread(pinning, series);
            peer = PeerProcess.start(t, new ChannelConfig(channelBytes, timeout, wait, ChannelConfig.DEFAULT_DEPTH), task, peerLog(),
                    pin.peerCpu());
            channel = peer.channel();
        }

        /** The peer's output goes to the run's log (docs/RESULTS-FORMAT.md), or to this fork's stderr outside a run. */
        private static Path peerLog() {
            return RunDirectory.current().map(RunDirectory::runLog).orElse(Path.of("/dev/stderr"));
        }

        /** Records a timeout or a lost peer; the channel is not used again. Returns what a throughput mode throws. */
        IllegalStateException fail(ChannelException e) {
            outcome.stop(e);
            return new IllegalStateException("no result: " + e.getMessage() + " (recorded in raw/outcomes.csv)", e);
        }

        /** Records corrupt messages, if any, then stops the peer and frees the buffers. */
        void stop(String howChecked) {
            try {
                if (outcome != null) {
                    outcome.end(howChecked);
                }
            } finally {
                Resources.closeAll(peer, arena, pin);
                peer = null;
                arena = null;
                pin = null;
            }
        }
    }

    /**
     * An {@code echo} peer; every transport but {@code floor} itself takes turns with a same-pair
     * floor ({@link PairedFloor}), primed with {@link PairedFloor#PRIME_ROUND_TRIPS} round trips.
     */
    @State(Scope.Thread)
    public static class Echo extends Peer implements PairedFloor.Series {
        AlternatingMessages payload;
        long sequence;
        /** The same-pair floor, or null for {@code floor} itself. */
        PairedFloor paired;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            open(SeriesName.of(params));
        }

        void open(SeriesName name) {
            boolean pairs = Q1Plan.pairsFloor(Transports.byName(transport));
            start(name, PeerRole.ECHO, pairs ? PeerTask.echoWithFloor(PairedFloor.PRIME_ROUND_TRIPS) : PeerTask.echo(), () -> {
                payload = new AlternatingMessages(arena, messageBytes);
                if (pairs) {
                    paired = PairedFloor.start(series, peer.floor(), this);
                } else {
                    for (int i = 0; i < PRIME_MESSAGES; i++) {
                        roundTrip();
                    }
                }
            });
        }

        /** One round trip of the next message, its echo checked; returns its nanoseconds (the check is not timed). */
        @Override
        public long roundTrip() {
            MemorySegment out = payload.next(sequence++);
            long start = System.nanoTime();
            channel.send(out, messageBytes);
            int length = channel.receive(in);
            long nanos = System.nanoTime() - start;
            outcome.checked(payload.echoes(out, in, length));
            return nanos;
        }

        @Override
        public void exchange(FloorSchedule schedule) {
            MemorySegment message = arena.allocate(FloorSchedule.SIZE);
            schedule.write(message);
            channel.send(message, FloorSchedule.SIZE);
            int length = channel.receive(in);
            if (length != FloorSchedule.SIZE || in.asSlice(0, length).mismatch(message) != -1) {
                throw new ChannelException(transport + ": the peer echoed the floor schedule wrong (" + length + " bytes)");
            }
        }

        @Setup(Level.Iteration)
        public void startIteration(IterationParams iteration) {
            startIteration(iteration.getType());
        }

        void startIteration(IterationType type) {
            if (paired != null) {
                paired.startIteration(IntervalLog.tagOf(type));
            }
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            if (paired != null) {
                paired.endIteration();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                Resources.closeAll(paired);
            } finally {
                stop("echoes (compared byte for byte with what was sent)");
            }
        }
    }

    /** A peer whose CPU time counts with this JVM's ({@link CpuCost}). */
    @State(Scope.Thread)
    public abstract static class Streaming extends Peer {
        /** JMH binds the counters through this dependency (a state may not be both a dependency and an argument). */
        CpuCost cost;

        void countCpu(CpuCost counters) {
            cost = counters;
            counters.watch(peer.pid());
        }
    }

    /** A {@code sink} peer that reports count and checksum after every {@value #SINK_BATCH} messages. */
    @State(Scope.Thread)
    public static class Sink extends Streaming {
        AlternatingMessages payload;
        long batchChecksum;
        int inBatch;
        /** A completed batch whose report has not been read yet. */
        boolean reportOwed;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params, CpuCost cost) {
            open(SeriesName.of(params), cost);
        }

        void open(SeriesName name, CpuCost cost) {
            start(name, PeerRole.SINK, PeerTask.sink(SINK_BATCH), () -> {
                payload = new AlternatingMessages(arena, messageBytes);
                batchChecksum = payload.checksumOfFirst(SINK_BATCH); // every batch sends the same stamps 0 .. SINK_BATCH - 1
                for (int i = 0; i < PRIME_MESSAGES; i++) {
                    send();
                }
            });
            countCpu(cost);
        }

        void send() {
            channel.send(payload.next(inBatch), messageBytes);
            if (++inBatch == SINK_BATCH) {
                inBatch = 0;
                if (reportOwed) {
                    checkReport(); // the batch before this one: its report is in by now
                }
                reportOwed = true;
            }
        }

        private void checkReport() {
            SinkReport report = SinkReport.receive(channel, in);
            reportOwed = false;
            outcome.checked(report.messages() == SINK_BATCH && report.checksum() == batchChecksum);
        }

        /** Completes the last batch and reads the reports still owed, so every message sent was checked. */
        @TearDown(Level.Trial)
        public void close() {
            try {
                if (!outcome.stopped() && channel != null) {
                    while (inBatch != 0) {
                        send();
                    }
                    if (reportOwed) {
                        checkReport();
                    }
                }
            } catch (ChannelException e) {
                fail(e);
            } finally {
                stop("sink batches of " + SINK_BATCH + " messages (count and CRC32C of every byte)");
            }
        }
    }

    /** A {@code source} peer sending stamped messages at a fixed rate. */
    @State(Scope.Thread)
    public static class Source extends Streaming {
        /** Intended messages per second. */
        @Param({"10000", "100000", "1000"})
        public long ratePerSecond;

        StampedStream check;
        int batch;
        int remaining;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params, CpuCost cost) {
            open(SeriesName.of(params), cost);
        }

        void open(SeriesName name, CpuCost cost) {
            batch = (int) Math.max(1, ratePerSecond / SOURCE_BATCHES_PER_SECOND);
            start(name, PeerRole.SOURCE, PeerTask.source(batch, messageBytes, ratePerSecond), () -> {
                check = new StampedStream(arena, messageBytes);
                // At most 10 batches (0.1 s of the rate): a slow rate is primed with fewer messages.
                long messages = (long) batch * Math.min(10, Math.max(1, PRIME_MESSAGES / batch));
                for (long i = 0; i < messages; i++) {
                    receive();
                }
            });
            countCpu(cost);
        }

        /** The next message's one-way latency in ns, or -1 when it was corrupt. */
        long receive() {
            if (remaining == 0) {
                channel.send(in, 0); // start the next batch: its intended send times count from now
                remaining = batch;
            }
            int length = channel.receive(in);
            long oneWay = check.accept(in, length, System.nanoTime());
            remaining--;
            outcome.checked(oneWay >= 0);
            return oneWay;
        }

        /**
         * Receives the rest of the batch, unrecorded, so the next iteration starts with nothing queued:
         * messages left waiting across JMH's pause between iterations would be a backlog of the
         * harness, not of the transport.
         */
        @TearDown(Level.Iteration)
        public void drain() {
            try {
                while (remaining > 0 && !outcome.stopped()) {
                    receive();
                }
            } catch (ChannelException e) {
                fail(e);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                drain();
            } finally {
                stop("fixed-rate messages (length, sequence, filler, intended send time)");
            }
        }
    }

    /**
     * One round trip of {@code messageBytes} through the echo peer. After a timeout or a lost peer
     * it records the outcome and does nothing more in this trial (the recorded latencies so far stay valid).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void roundTrip(Echo echo, LatencyRecorder latency) {
        if (echo.outcome.stopped()) {
            return;
        }
        try {
            long nanos = echo.roundTrip();
            latency.record(nanos);
            if (echo.paired != null) {
                echo.paired.afterSeries(nanos);
            }
        } catch (ChannelException e) {
            echo.fail(e);
        }
    }

    /**
     * One message into the sink (ops/s = messages/s). After a timeout or a lost peer it records the
     * outcome and throws, so JMH keeps no rate for a stream that stopped.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput(Sink sink) {
        try {
            sink.send();
        } catch (ChannelException e) {
            throw sink.fail(e);
        }
        sink.cost.countMessage();
    }

    /**
     * One message from the fixed-rate source, its one-way latency recorded (ops/s shows whether
     * the rate was kept). After a timeout or a lost peer it records the outcome and throws.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void fixedRate(Source source, LatencyRecorder latency) {
        long oneWay;
        try {
            oneWay = source.receive();
        } catch (ChannelException e) {
            throw source.fail(e);
        }
        if (oneWay >= 0) {
            latency.record(oneWay);
        }
        source.cost.countMessage();
    }
}
