package io.shmbench.bench;

import io.shmbench.message.CheckedMessage;
import io.shmbench.run.BenchmarkDeclaration;
import io.shmbench.run.PlanRules;
import io.shmbench.run.Profile;
import io.shmbench.run.Verdict;
import io.shmbench.transport.FloorSchedule;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.SinkReport;
import io.shmbench.transport.SizeLimit;
import io.shmbench.transport.Transport;
import io.shmbench.transport.Transports;
import io.shmbench.transport.WaitMode;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Which combinations of {@link Q1Transports}' parameters are measured. Transport x size x wait
 * strategy is a cartesian product in JMH, but not every transport can do every case:
 * <ul>
 *   <li>unsupported (recorded, so figures mark it): a transport this machine cannot run
 *       ({@link Transport#unavailable()}: {@code shm-ring-c} without a C compiler); a role its peer
 *       does not take ({@link Transport#roles()}: {@code shm-ring-c}'s C peer has no fixed-rate
 *       source); a size beyond the transport's {@link Transport#sizeLimit()}; a {@code fixedRate}
 *       message too small for its stamp ({@link CheckedMessage});</li>
 *   <li>skipped (not part of the sweep): 0 B except on {@code floor} (whose only size it is);
 *       {@code floor} anywhere but a spinning round trip at 0 B (it is the yardstick, one per run,
 *       not a transport that falls short: a figure marking it "unsupported" would read as a
 *       failure; a fork given such a case still refuses it, see {@link #support}); a transport
 *       declared but not registered in this build; in the quick profile, wait strategies other than
 *       each kind's natural one (kernel transports block, shared-memory ones spin).</li>
 * </ul>
 * The forks ask {@link #support} again, so a combination given to JMH directly fails with the
 * same reason instead of measuring nonsense.
 */
public final class Q1Plan implements PlanRules {
    static final String TRANSPORT = "transport";
    static final String MESSAGE_BYTES = "messageBytes";
    static final String WAIT_STRATEGY = "waitStrategy";
    static final String PINNING = "pinning";
    static final String FLOOR = "floor";

    @Override
    public Verdict verdict(BenchmarkDeclaration benchmark, SortedMap<String, String> params, Profile profile) {
        if (!benchmark.className().equals(Q1Transports.class.getSimpleName())) {
            return Verdict.RUN;
        }
        PeerRole role = roleOf(benchmark.method());
        String transport = params.get(TRANSPORT);
        if (!Transports.names().contains(transport)) {
            List<String> declared = benchmark.params().getOrDefault(TRANSPORT, List.of());
            if (declared.contains(transport)) {
                return Verdict.skip(TRANSPORT, transport + " is not registered in this build's Transports");
            }
            Transports.byName(transport); // throws, naming the valid ones
        }
        Transport t = Transports.byName(transport);
        WaitMode wait = WaitMode.parse(params.get(WAIT_STRATEGY));
        int messageBytes = messageBytes(params.get(MESSAGE_BYTES));
        boolean floor = transport.equals(FLOOR);
        if (floor && !support(role, t, messageBytes).runs()) {
            // Asked for with -p, it is still not something floor can do: recorded as unsupported, not run.
            return Verdict.skip(TRANSPORT, "floor is measured once, as a 0 B round trip: the yardstick",
                    support(role, t, messageBytes));
        }
        if (floor && wait != WaitMode.SPIN) {
            return Verdict.skip(WAIT_STRATEGY, "floor is the spinning cache-line bounce, the physical limit: one per run");
        }
        Verdict waitAndSupport = waitAndSupport(role, t, wait, messageBytes, profile);
        if (!floor && messageBytes == 0) {
            // Asked for with -p, 0 B still follows the profile's wait rule and the transport's limits.
            return Verdict.skip(MESSAGE_BYTES, "0 B is measured only for floor, the yardstick", waitAndSupport);
        }
        return waitAndSupport;
    }

    private static Verdict waitAndSupport(PeerRole role, Transport transport, WaitMode wait, int messageBytes, Profile profile) {
        if (profile == Profile.QUICK && wait != naturalWait(transport)) {
            return Verdict.skip(WAIT_STRATEGY, "quick measures kernel transports blocking and shared-memory ones spinning;"
                    + " full measures every wait strategy");
        }
        return support(role, transport, messageBytes);
    }

    /**
     * What one transport can do in one role at one size, whatever the profile and the wait: the
     * forks refuse exactly these, and the plan records them as unsupported.
     */
    static Verdict support(PeerRole role, Transport transport, int messageBytes) {
        Optional<String> unavailable = transport.unavailable();
        if (unavailable.isPresent()) {
            return Verdict.unsupported(transport.name() + " cannot run on this machine: " + unavailable.get());
        }
        if (!transport.roles().contains(role)) {
            return Verdict.unsupported(transport.name() + "'s peer takes " + PeerRole.words(transport.roles()) + ", not " + role.word());
        }
        if (role == PeerRole.SOURCE && messageBytes < CheckedMessage.MIN_LENGTH) {
            return Verdict.unsupported("a fixed-rate message carries a " + CheckedMessage.MIN_LENGTH
                    + "-byte stamp (sequence, intended send time); " + messageBytes + " B cannot hold it");
        }
        SizeLimit limit = transport.sizeLimit();
        int channelBytes = channelBytes(role, transport, messageBytes);
        if (!limit.allows(channelBytes)) {
            return Verdict.unsupported(limit.tooLarge(transport.name(), channelBytes).getMessage());
        }
        return Verdict.RUN;
    }

    /**
     * The largest message the channel carries: the message, or what else the channel must carry if
     * that is larger (the sink's report; the same-pair floor's schedule, for a round trip).
     */
    static int channelBytes(PeerRole role, Transport transport, int messageBytes) {
        return switch (role) {
            case SINK -> Math.max(messageBytes, SinkReport.SIZE);
            case ECHO -> pairsFloor(transport) ? Math.max(messageBytes, FloorSchedule.SIZE) : messageBytes;
            case SOURCE -> messageBytes;
        };
    }

    /**
     * True when a round trip over {@code transport} takes turns with a same-pair floor
     * ({@link PairedFloor}): every transport but {@code floor} itself, which is the yardstick.
     */
    static boolean pairsFloor(Transport transport) {
        return !transport.name().equals(FLOOR);
    }

    /** How the quick profile measures a transport: as it is mostly used. */
    static WaitMode naturalWait(Transport transport) {
        return transport.blocksInKernel() ? WaitMode.BLOCK : WaitMode.SPIN;
    }

    static PeerRole roleOf(String method) {
        return switch (method) {
            case Q1Transports.ROUND_TRIP -> PeerRole.ECHO;
            case Q1Transports.THROUGHPUT -> PeerRole.SINK;
            case Q1Transports.FIXED_RATE -> PeerRole.SOURCE;
            default -> throw new IllegalArgumentException("Q1Transports has no benchmark method '" + method
                    + "'; expected " + Q1Transports.ROUND_TRIP + ", " + Q1Transports.THROUGHPUT + " or " + Q1Transports.FIXED_RATE);
        };
    }

    private static int messageBytes(String value) {
        try {
            int bytes = Integer.parseInt(value.trim());
            if (bytes < 0) {
                throw new NumberFormatException("negative");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("messageBytes '" + value + "' is not a byte count (an integer >= 0)", e);
        }
    }
}
