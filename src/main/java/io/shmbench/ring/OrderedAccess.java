package io.shmbench.ring;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The ring's synchronisation accesses for one {@link MemoryOrder}: one small subclass per order, so
 * the hot loop calls a monomorphic method and never branches on the order per message.
 *
 * <p>{@link #load}/{@link #store} publish and observe sequence words and indices. The seqlock of
 * OVERWRITE mode needs two more steps (Boehm, "Can seqlocks get along with programming language
 * memory models?", 2012): {@link #storeThenFence} marks a slot as being written and keeps the payload
 * stores after that mark; {@link #fenceThenLoad} re-reads the sequence word after the payload loads.
 * PLAIN and OPAQUE leave the fences out on purpose: they are measured as possibly incorrect.
 */
public abstract sealed class OrderedAccess {
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    public static OrderedAccess of(MemoryOrder order) {
        return switch (order) {
            case PLAIN -> new Plain();
            case OPAQUE -> new Opaque();
            case RELEASE_ACQUIRE -> new ReleaseAcquire();
            case VOLATILE -> new Volatile();
            case FENCED -> new Fenced();
        };
    }

    /** Observes a value the other side published (acquire for the safe orders). */
    public abstract long load(MemorySegment memory, long offset);

    /** Publishes a value after everything written before it (release for the safe orders). */
    public abstract void store(MemorySegment memory, long offset, long value);

    /** Seqlock begin: stores {@code value} and keeps every later store after it. */
    public abstract void storeThenFence(MemorySegment memory, long offset, long value);

    /** Seqlock validate: loads {@code offset} after every earlier load. */
    public abstract long fenceThenLoad(MemorySegment memory, long offset);

    static final class Plain extends OrderedAccess {
        @Override
        public long load(MemorySegment memory, long offset) {
            return (long) LONG.get(memory, offset);
        }

        @Override
        public void store(MemorySegment memory, long offset, long value) {
            LONG.set(memory, offset, value);
        }

        @Override
        public void storeThenFence(MemorySegment memory, long offset, long value) {
            LONG.set(memory, offset, value);
        }

        @Override
        public long fenceThenLoad(MemorySegment memory, long offset) {
            return (long) LONG.get(memory, offset);
        }
    }

    static final class Opaque extends OrderedAccess {
        @Override
        public long load(MemorySegment memory, long offset) {
            return (long) LONG.getOpaque(memory, offset);
        }

        @Override
        public void store(MemorySegment memory, long offset, long value) {
            LONG.setOpaque(memory, offset, value);
        }

        @Override
        public void storeThenFence(MemorySegment memory, long offset, long value) {
            LONG.setOpaque(memory, offset, value);
        }

        @Override
        public long fenceThenLoad(MemorySegment memory, long offset) {
            return (long) LONG.getOpaque(memory, offset);
        }
    }

    static final class ReleaseAcquire extends OrderedAccess {
        @Override
        public long load(MemorySegment memory, long offset) {
            return (long) LONG.getAcquire(memory, offset);
        }

        @Override
        public void store(MemorySegment memory, long offset, long value) {
            LONG.setRelease(memory, offset, value);
        }

        @Override
        public void storeThenFence(MemorySegment memory, long offset, long value) {
            LONG.setOpaque(memory, offset, value);
            VarHandle.releaseFence();
        }

        @Override
        public long fenceThenLoad(MemorySegment memory, long offset) {
            VarHandle.acquireFence();
            return (long) LONG.getOpaque(memory, offset);
        }
    }

    static final class Volatile extends OrderedAccess {
        @Override
        public long load(MemorySegment memory, long offset) {
            return (long) LONG.getVolatile(memory, offset);
        }

        @Override
        public void store(MemorySegment memory, long offset, long value) {
            LONG.setVolatile(memory, offset, value);
        }

        @Override
        public void storeThenFence(MemorySegment memory, long offset, long value) {
            LONG.setVolatile(memory, offset, value);
            VarHandle.releaseFence();
        }

        @Override
        public long fenceThenLoad(MemorySegment memory, long offset) {
            VarHandle.acquireFence();
            return (long) LONG.getVolatile(memory, offset);
        }
    }

    static final class Fenced extends OrderedAccess {
        @Override
        public long load(MemorySegment memory, long offset) {
            long value = (long) LONG.get(memory, offset);
            VarHandle.acquireFence();
            return value;
        }

        @Override
        public void store(MemorySegment memory, long offset, long value) {
            VarHandle.releaseFence();
            LONG.set(memory, offset, value);
        }

        @Override
        public void storeThenFence(MemorySegment memory, long offset, long value) {
            LONG.set(memory, offset, value);
            VarHandle.releaseFence();
        }

        @Override
        public long fenceThenLoad(MemorySegment memory, long offset) {
            VarHandle.acquireFence();
            return (long) LONG.get(memory, offset);
        }
    }
}
