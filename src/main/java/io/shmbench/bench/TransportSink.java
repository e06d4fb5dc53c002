package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.CpuCost;
import io.shmbench.measure.SeriesName;
import io.shmbench.message.AlternatingMessages;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.PeerTask;
import io.shmbench.transport.SinkReport;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link Q1Transports#throughput}'s peer: a {@code sink} that reports count and checksum after
 * every {@value #BATCH} messages, which this side checks one batch later, so the pipeline never
 * drains on the measured path. Every batch sends the same messages, numbered 0 to
 * {@code BATCH - 1} ({@link AlternatingMessages}), so every report must carry one checksum.
 */
@State(Scope.Thread)
public class TransportSink extends TransportPeer {
    /** Messages per sink report. */
    static final int BATCH = 1024;

    AlternatingMessages messages;
    long batchChecksum;
    int inBatch;
    /** A completed batch whose report has not been read yet. */
    boolean reportOwed;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params, CpuCost cost) {
        open(SeriesName.of(params), cost);
    }

    void open(SeriesName series, CpuCost cost) {
        configure(series);
        start(PeerRole.SINK, PeerTask.sink(BATCH), () -> {
            messages = new AlternatingMessages(arena, messageBytes);
            batchChecksum = messages.checksumOfFirst(BATCH);
            for (int i = 0; i < PRIME_MESSAGES; i++) {
                sendMessage();
            }
        });
        countCpu(cost);
    }

    /** One message into the sink, counted. After a timeout or a lost peer it records the outcome and throws. */
    void send() {
        try {
            sendMessage();
        } catch (ChannelException e) {
            throw fail(e);
        }
        cost.countMessage();
    }

    private void sendMessage() {
        channel.send(messages.next(inBatch), messageBytes);
        if (++inBatch == BATCH) {
            inBatch = 0;
            if (reportOwed) {
                checkReport(); // the batch before this one: its report is in by now
            }
            reportOwed = true;
        }
    }

    private void checkReport() {
        boolean right = SinkReport.says(in, channel.receive(in), BATCH, batchChecksum);
        reportOwed = false;
        outcome.checked(right);
    }

    /** Completes the last batch and reads the reports still owed, so every message sent was checked. */
    @TearDown(Level.Trial)
    public void close() {
        try {
            if (!outcome.stopped() && channel != null) {
                while (inBatch != 0) {
                    sendMessage();
                }
                if (reportOwed) {
                    checkReport();
                }
            }
        } catch (ChannelException e) {
            fail(e);
        } finally {
            stop("sink batches of " + BATCH + " messages (count and CRC32C of every byte)");
        }
    }
}
