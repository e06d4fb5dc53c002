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

/**
 * The known-broken control for {@link PayloadThenSequence}: the writer stores the sequence word
 * first and the payload after it, which no memory order can repair. The reader is the ring's.
 *
 * <p>A stale payload behind a published sequence word is expected under every order; seeing it
 * shows these tests can observe the outcome {@link PayloadThenSequence} forbids. It is marked
 * interesting, not forbidden, so the control never fails the build; the summary shows its count.
 */
public final class SequenceThenPayload {
    private SequenceThenPayload() {
    }

    @Description("Sequence word, then payload: the wrong order, as a control.")
    @Outcome(id = "0, -1", expect = ACCEPTABLE, desc = "Not published yet: the reader finds nothing and waits.")
    @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "Published, and the reader copies the whole message.")
    @Outcome(id = "2, (-1|2)", expect = ACCEPTABLE_INTERESTING,
            desc = "Published before the payload: the torn message the control exists to show.")
    public static class Broken {
    }

    /** Both actors for one order; each test class below only names the order. */
    abstract static class Race extends SlotRace {
        Race(MemoryOrder order) {
            super(order);
        }

        final void write() {
            publishSequence(0);
            copyPayload(0);
            setLength();
        }

        final void read(II_Result r) {
            long sequence = loadSequence();
            r.r1 = (int) sequence;
            r.r2 = sequence == RingLayout.committed(0) ? readPayload() : NOTHING;
        }
    }

    @JCStressTest
    @JCStressMeta(Broken.class)
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
    @JCStressMeta(Broken.class)
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
    @JCStressMeta(Broken.class)
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
    @JCStressMeta(Broken.class)
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
    @JCStressMeta(Broken.class)
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
