package io.shmbench.proofs;

import io.shmbench.ring.MemoryOrder;
import io.shmbench.ring.OrderedAccess;
import io.shmbench.ring.RingLayout;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One ring slot in native memory, laid out by {@link RingLayout}, and the steps {@code RingWriter}
 * and {@code RingReader} take on it, through the ring's own {@link OrderedAccess} for one
 * {@link MemoryOrder}. Each proof races a writer's steps against a reader's; jcstress creates one
 * instance per trial.
 *
 * <p>The steps are the ring's accesses in the ring's order, without what cannot change the
 * ordering (index arithmetic, bounds checks, heartbeats): a whole {@code Ring} needs a file and a
 * registered writer and reader, far too heavy for the millions of trials jcstress runs.
 * Payload bytes move with {@link MemorySegment#copy} as in {@code RingWriter.offer} and
 * {@code RingReader.read}; for 16 bytes that is a few plain loads and stores the JIT may reorder.
 */
abstract class SlotRace {
    static final int PAYLOAD_BYTES = 16;
    private static final long SEQUENCE = RingLayout.SLOT_SEQUENCE_OFFSET;
    private static final long LENGTH = RingLayout.SLOT_LENGTH_OFFSET;
    private static final long PAYLOAD = RingLayout.SLOT_HEADER_SIZE;
    /** {@link #readPayload} results besides a message number. */
    static final int NOTHING = -1;
    static final int TORN = 2;

    /** Payload words of message 0 and message 1: every byte differs, so any mix shows. */
    private static final long[][] WORDS = {
            {0x1111_1111_1111_1111L, 0x2222_2222_2222_2222L},
            {0x3333_3333_3333_3333L, 0x4444_4444_4444_4444L}};
    private static final MemorySegment[] MESSAGES = {MemorySegment.ofArray(WORDS[0]), MemorySegment.ofArray(WORDS[1])};

    final OrderedAccess access;
    /** 64-byte aligned like an aligned ring slot: header and a small payload share one cache line. */
    final MemorySegment slot;
    /** The reader's buffer, like the byte[] given to {@code RingReader.read}. */
    private final MemorySegment received = MemorySegment.ofArray(new long[PAYLOAD_BYTES / Long.BYTES]);

    SlotRace(MemoryOrder order) {
        this.access = OrderedAccess.of(order);
        // Auto arena: jcstress drops states by the million; the GC frees their slots.
        this.slot = Arena.ofAuto().allocate(64, 64);
    }

    /** Fills the slot with committed message {@code n}, as if it had been published long ago. */
    final void prefill(long n) {
        MemorySegment.copy(MESSAGES[(int) n], 0, slot, PAYLOAD, PAYLOAD_BYTES);
        setLength();
        slot.set(ValueLayout.JAVA_LONG, SEQUENCE, RingLayout.committed(n));
    }

    /** {@code RingWriter.tryClaim} in OVERWRITE mode: mark the slot odd, keep later stores after the mark. */
    final void claimForOverwrite(long n) {
        access.storeThenFence(slot, SEQUENCE, RingLayout.writing(n));
    }

    /** {@code RingWriter.offer}'s copy into the claimed slot. */
    final void copyPayload(long n) {
        MemorySegment.copy(MESSAGES[(int) n], 0, slot, PAYLOAD, PAYLOAD_BYTES);
    }

    /** {@code RingWriter.commit}: the length, then the sequence word (release for the safe orders). */
    final void commit(long n) {
        setLength();
        publishSequence(n);
    }

    final void setLength() {
        slot.set(ValueLayout.JAVA_INT, LENGTH, PAYLOAD_BYTES);
    }

    final void publishSequence(long n) {
        access.store(slot, SEQUENCE, RingLayout.committed(n));
    }

    /** {@code RingReader.poll}: observe the sequence word (acquire for the safe orders). */
    final long loadSequence() {
        return access.load(slot, SEQUENCE);
    }

    /** {@code RingReader.validate}: the seqlock's second look at the sequence word, after the payload loads. */
    final long revalidateSequence() {
        return access.fenceThenLoad(slot, SEQUENCE);
    }

    /**
     * {@code RingReader.read}: the length, then a copy of that many payload bytes. Returns 0 or 1 when
     * the copy is exactly that message, {@link #NOTHING} when it is empty (length 0), {@link #TORN}
     * for anything else: fields of different messages, or a length without its payload.
     */
    final int readPayload() {
        int length = slot.get(ValueLayout.JAVA_INT, LENGTH);
        if (length >= 0 && length <= PAYLOAD_BYTES) { // the ring refuses other lengths as corrupt
            MemorySegment.copy(slot, PAYLOAD, received, 0, length);
        }
        long first = received.get(ValueLayout.JAVA_LONG, 0);
        long second = received.get(ValueLayout.JAVA_LONG, 8);
        if (length == 0 && first == 0 && second == 0) {
            return NOTHING;
        }
        for (int n = 0; n < WORDS.length; n++) {
            if (length == PAYLOAD_BYTES && first == WORDS[n][0] && second == WORDS[n][1]) {
                return n;
            }
        }
        return TORN;
    }
}
