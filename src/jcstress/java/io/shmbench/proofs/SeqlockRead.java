package io.shmbench.proofs;

import io.shmbench.ring.MemoryOrder;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The seqlock of OVERWRITE mode. The slot holds committed message 0 (sequence word 2); the writer
 * overwrites it with message 1 as {@code RingWriter} does: sequence word odd (3) with
 * {@code storeThenFence}, payload, length, sequence word 4. The reader does what {@code RingReader}
 * does: load the sequence word; if it is a committed (even) value, read the length and copy the
 * payload, then load the sequence word again with {@code fenceThenLoad} ({@code validate}). The
 * reader keeps the copy only when both loads agree.
 *
 * <p>Result: (first sequence load, second sequence load or -1 when not read, what the copy holds:
 * 0 or 1 = that message whole, 2 = torn, -1 = not read). The bad outcome is a kept copy that is
 * torn or of the other message. (A ring reader expecting message 0 keeps only "2, 2"; one expecting
 * message 1 only "4, 4"; the test accepts both, the comparison with a constant orders nothing.)
 */
public final class SeqlockRead {
    private SeqlockRead() {
    }

    @Description("Seqlock read of an OVERWRITE slot racing with its overwrite.")
    @Outcome(id = {"2, 2, 0", "4, 4, 1"}, expect = ACCEPTABLE, desc = "Both loads agree and the copy is that message: kept.")
    @Outcome(id = "3, -1, -1", expect = ACCEPTABLE, desc = "Write in progress (odd): the reader does not read.")
    @Outcome(id = {"2, [34], [0-2]"}, expect = ACCEPTABLE, desc = "Overwritten while read: the second load differs, discarded.")
    @Outcome(id = {"4, [23], [0-2]"}, expect = FORBIDDEN, desc = "The second load went backwards: incoherent.")
    @Outcome(id = {"2, 2, [12]", "4, 4, [02]"}, expect = FORBIDDEN, desc = "Both loads agree but the copy is torn: delivered wrong.")
    public static class Ordered {
    }

    @Description("Seqlock read of an OVERWRITE slot, with an order that does not order it.")
    @Outcome(id = {"2, 2, 0", "4, 4, 1"}, expect = ACCEPTABLE, desc = "Both loads agree and the copy is that message: kept.")
    @Outcome(id = "3, -1, -1", expect = ACCEPTABLE, desc = "Write in progress (odd): the reader does not read.")
    @Outcome(id = {"2, [34], [0-2]"}, expect = ACCEPTABLE, desc = "Overwritten while read: the second load differs, discarded.")
    @Outcome(id = {"4, [23], [0-2]"}, expect = ACCEPTABLE_INTERESTING,
            desc = "The second load went backwards (discarded); only PLAIN allows it.")
    @Outcome(id = {"2, 2, [12]", "4, 4, [02]"}, expect = ACCEPTABLE_INTERESTING,
            desc = "Both loads agree but the copy is torn: allowed by this order, wrong for the ring.")
    public static class Unordered {
    }

    /** Both actors for one order; each test class below only names the order. */
    abstract static class Race extends SlotRace {
        Race(MemoryOrder order) {
            super(order);
            prefill(0);
        }

        final void write() {
            claimForOverwrite(1);
            copyPayload(1);
            commit(1);
        }

        final void read(III_Result r) {
            long first = loadSequence();
            r.r1 = (int) first;
            if ((first & 1) != 0) {
                r.r2 = -1;
                r.r3 = NOTHING;
                return;
            }
            r.r3 = readPayload();
            r.r2 = (int) revalidateSequence();
        }
    }

    @JCStressTest
    @JCStressMeta(Unordered.class)
    @State
    public static class Plain extends Race {
        public Plain() {
            super(MemoryOrder.PLAIN);
        }

        @Actor
        public void writer() {
            write();
        }

        @Actor
        public void reader(III_Result r) {
            read(r);
        }
    }

    @JCStressTest
    @JCStressMeta(Unordered.class)
    @State
    public static class Opaque extends Race {
        public Opaque() {
            super(MemoryOrder.OPAQUE);
        }

        @Actor
        public void writer() {
            write();
        }

        @Actor
        public void reader(III_Result r) {
            read(r);
        }
    }

    @JCStressTest
    @JCStressMeta(Ordered.class)
    @State
    public static class ReleaseAcquire extends Race {
        public ReleaseAcquire() {
            super(MemoryOrder.RELEASE_ACQUIRE);
        }

        @Actor
        public void writer() {
            write();
        }

        @Actor
        public void reader(III_Result r) {
            read(r);
        }
    }

    @JCStressTest
    @JCStressMeta(Ordered.class)
    @State
    public static class Volatile extends Race {
        public Volatile() {
            super(MemoryOrder.VOLATILE);
        }

        @Actor
        public void writer() {
            write();
        }

        @Actor
        public void reader(III_Result r) {
            read(r);
        }
    }

    @JCStressTest
    @JCStressMeta(Ordered.class)
    @State
    public static class Fenced extends Race {
        public Fenced() {
            super(MemoryOrder.FENCED);
        }

        @Actor
        public void writer() {
            write();
        }

        @Actor
        public void reader(III_Result r) {
            read(r);
        }
    }
}
