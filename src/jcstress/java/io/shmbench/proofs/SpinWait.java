package io.shmbench.proofs;

import io.shmbench.ring.MemoryOrder;
import io.shmbench.ring.RingLayout;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Can the reader's wait for a sequence word hang? The reader spins on {@code load} until the
 * writer's {@code store} of the sequence word shows. With PLAIN the JIT may read the word once and
 * spin on the register forever (hoisting); OPAQUE and the safe orders promise to see the store.
 *
 * <p>{@code Bare} spins with an empty loop body, the worst case; {@code PlainOnSpinWait} spins as
 * the ring's {@code WaitStrategy.SPIN} does, with {@link Thread#onSpinWait()} in the loop (the ring's
 * own waits also call a deadline check every 64 rounds, which no JIT can hoist a load across).
 * {@code PlainJavaField} is the control: the same empty loop on a plain {@code long} field, the
 * textbook case a JIT does hoist, to show this harness sees a hang when there is one.
 */
public final class SpinWait {
    private SpinWait() {
    }

    @Description("Spin until the sequence word is published, with an order that promises progress.")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The reader saw the store and left the loop.")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "The reader never saw the store: the load was hoisted out of the loop.")
    public static class Progress {
    }

    @Description("Spin until the sequence word is published, with plain loads.")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The reader saw the store and left the loop.")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "The reader never saw the store: the JIT hoisted the plain load out of the loop.")
    public static class NoProgress {
    }

    /** The reader's loop and the writer's store for one order. */
    abstract static class Race extends SlotRace {
        private static final long PUBLISHED = RingLayout.committed(0);

        Race(MemoryOrder order) {
            super(order);
        }

        final void spin() {
            while (loadSequence() != PUBLISHED) {
                // empty on purpose: nothing here forces the load to be repeated
            }
        }

        /** As {@code WaitStrategy.SPIN}: the x86 PAUSE hint between loads. */
        final void spinWithHint() {
            while (loadSequence() != PUBLISHED) {
                Thread.onSpinWait();
            }
        }

        final void publish() {
            publishSequence(0);
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(NoProgress.class)
    @State
    public static class PlainBare extends Race {
        public PlainBare() {
            super(MemoryOrder.PLAIN);
        }

        @Actor
        public void reader() {
            spin();
        }

        @Signal
        public void writer() {
            publish();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(NoProgress.class)
    @State
    public static class PlainOnSpinWait extends Race {
        public PlainOnSpinWait() {
            super(MemoryOrder.PLAIN);
        }

        @Actor
        public void reader() {
            spinWithHint();
        }

        @Signal
        public void writer() {
            publish();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(NoProgress.class)
    @State
    public static class PlainJavaField {
        private long sequence;

        @Actor
        public void reader() {
            while (sequence != RingLayout.committed(0)) {
                // empty on purpose, as in Race.spin
            }
        }

        @Signal
        public void writer() {
            sequence = RingLayout.committed(0);
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(Progress.class)
    @State
    public static class OpaqueBare extends Race {
        public OpaqueBare() {
            super(MemoryOrder.OPAQUE);
        }

        @Actor
        public void reader() {
            spin();
        }

        @Signal
        public void writer() {
            publish();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(Progress.class)
    @State
    public static class ReleaseAcquireBare extends Race {
        public ReleaseAcquireBare() {
            super(MemoryOrder.RELEASE_ACQUIRE);
        }

        @Actor
        public void reader() {
            spin();
        }

        @Signal
        public void writer() {
            publish();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(Progress.class)
    @State
    public static class VolatileBare extends Race {
        public VolatileBare() {
            super(MemoryOrder.VOLATILE);
        }

        @Actor
        public void reader() {
            spin();
        }

        @Signal
        public void writer() {
            publish();
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(Progress.class)
    @State
    public static class FencedBare extends Race {
        public FencedBare() {
            super(MemoryOrder.FENCED);
        }

        @Actor
        public void reader() {
            spin();
        }

        @Signal
        public void writer() {
            publish();
        }
    }
}
