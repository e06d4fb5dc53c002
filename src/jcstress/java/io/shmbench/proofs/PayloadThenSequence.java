package io.shmbench.proofs;

import io.shmbench.ring.MemoryOrder;
import io.shmbench.ring.RingLayout;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The ring's publication protocol: the writer copies the payload, sets the length, then stores the
 * sequence word ({@code RingWriter.offer}/{@code commit}); the reader loads the sequence word and,
 * when it shows the message, reads the length and copies the payload ({@code RingReader.poll}/{@code read}).
 *
 * <p>Result: (sequence word seen, what the copy holds). The bad outcome is the sequence word
 * published but the payload missing or partly missing: a stale message delivered as new.
 * RELEASE_ACQUIRE, VOLATILE and FENCED must forbid it; PLAIN and OPAQUE give no ordering between
 * the payload and the sequence word, so it is allowed there and recorded when seen.
 */
public final class PayloadThenSequence {
    private PayloadThenSequence() {
    }

    @Description("Payload, then sequence word: the ring's publication.")
    @Outcome(id = "0, -1", expect = ACCEPTABLE, desc = "Not published yet: the reader finds nothing and waits.")
    @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "Published, and the reader copies the whole message.")
    @Outcome(id = "2, (-1|2)", expect = FORBIDDEN, desc = "Published, but the payload or length is stale: a torn message delivered.")
    public static class Ordered {
    }

    @Description("Payload, then sequence word, with an order that does not order them.")
    @Outcome(id = "0, -1", expect = ACCEPTABLE, desc = "Not published yet: the reader finds nothing and waits.")
    @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "Published, and the reader copies the whole message.")
    @Outcome(id = "2, (-1|2)", expect = ACCEPTABLE_INTERESTING,
            desc = "Published, but the payload or length is stale: allowed by this order, wrong for the ring.")
    public static class Unordered {
    }

    /** Both actors for one order; each test class below only names the order. */
    abstract static class Race extends SlotRace {
        Race(MemoryOrder order) {
            super(order);
        }

        final void write() {
            copyPayload(0);
            commit(0);
        }

        final void read(II_Result r) {
            long sequence = loadSequence();
            r.r1 = (int) sequence;
            r.r2 = sequence == RingLayout.committed(0) ? readPayload() : NOTHING;
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
        public void reader(II_Result r) {
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
        public void reader(II_Result r) {
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
        public void reader(II_Result r) {
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
        public void reader(II_Result r) {
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
        public void reader(II_Result r) {
            read(r);
        }
    }
}
