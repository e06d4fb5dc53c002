package io.shmbench.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * What one soak target did over all its slices. Written by the soak's thread only; a shutdown hook
 * may read it while it runs, so the counters are volatile (each has one writer).
 *
 * <ul>
 *   <li>sent: messages the writer published (ring: the ring's write index; transports: sends that returned)</li>
 *   <li>received: messages delivered intact, in order</li>
 *   <li>missed: messages the reader skipped and said so ({@code RingReader.missed()}: lapped in OVERWRITE
 *       mode, or caught torn by the slot's seqlock)</li>
 *   <li>corrupt: messages delivered with a bad checksum, length or number; must be 0</li>
 *   <li>unreported: sent but neither received, reported missed nor delivered corrupt; must be 0</li>
 *   <li>kills: writer processes killed with SIGKILL (early kills: before their first message)</li>
 * </ul>
 */
public final class Tally {
    private static final int KEEP_PROBLEMS = 5;

    private final String target;
    private volatile long slices;
    private volatile long sent;
    private volatile long received;
    private volatile long missed;
    private volatile long torn;
    private volatile long corrupt;
    private volatile long unreported;
    private volatile long kills;
    private volatile long earlyKills;
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private String note = "";

    public Tally(String target) {
        this.target = target;
    }

    public String target() {
        return target;
    }

    void slice() {
        slices++;
    }

    void sent(long count) {
        sent += count;
    }

    void received() {
        received++;
    }

    void missed(long count, long tornCount) {
        missed += count;
        torn += tornCount;
    }

    /** A message delivered damaged; {@code what} says which and how (the first few are kept). */
    void corrupt(String what) {
        corrupt++;
        problem("corrupt: " + what);
    }

    void unreported(long count) {
        unreported += count;
    }

    /** @param beforeFirstMessage the writer had not published anything yet (starting up or attaching) */
    void kill(boolean beforeFirstMessage) {
        kills++;
        if (beforeFirstMessage) {
            earlyKills++;
        }
    }

    /** A slice that could not finish (a peer died, a wait timed out, a writer failed). */
    void failed(String why) {
        problem("failed: " + why);
    }

    /** A remark printed under the table, e.g. what a transport cannot check. */
    void note(String text) {
        note = text;
    }

    private synchronized void problem(String text) {
        problemCount++;
        if (problems.size() < KEEP_PROBLEMS) {
            problems.add(text);
        }
    }

    public long slices() {
        return slices;
    }

    public long sentCount() {
        return sent;
    }

    public long receivedCount() {
        return received;
    }

    public long missedCount() {
        return missed;
    }

    public long tornCount() {
        return torn;
    }

    public long corruptCount() {
        return corrupt;
    }

    public long unreportedCount() {
        return unreported;
    }

    public long killCount() {
        return kills;
    }

    /** Kills that hit a writer before its first message: starting up or attaching. */
    public long earlyKillCount() {
        return earlyKills;
    }

    public String note() {
        return note;
    }

    /** The first few problems, then how many more there were. */
    public synchronized List<String> problems() {
        List<String> shown = new ArrayList<>(problems);
        if (problemCount > problems.size()) {
            shown.add("... and " + (problemCount - problems.size()) + " more");
        }
        return shown;
    }

    /** True when something was corrupt, went missing unreported, or a slice failed. */
    public synchronized boolean failed() {
        return corrupt > 0 || unreported != 0 || problemCount > 0;
    }
}
