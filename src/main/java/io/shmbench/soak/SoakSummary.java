package io.shmbench.soak;

import io.shmbench.run.Progress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The soak's outcome: one row of counts per target (see {@link Tally} for what each count means),
 * the notes and problems under it, and the verdict. It passes when no message was corrupt, every
 * message sent was received or reported missed, and no slice failed.
 *
 * @param logs the kept log directory (only when something failed), or null
 */
public record SoakSummary(List<Tally> tallies, Duration elapsed, boolean interrupted, Path logs) {

    public boolean failed() {
        return tallies.stream().anyMatch(Tally::failed);
    }

    SoakSummary withoutLogs() {
        return new SoakSummary(tallies, elapsed, interrupted, null);
    }

    public Tally tally(String target) {
        return tallies.stream().filter(t -> t.target().equals(target)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no soak target " + target));
    }

    public void print(PrintWriter out) {
        out.println();
        out.printf("soak summary (%s%s):%n", Progress.format(elapsed), interrupted ? ", INTERRUPTED" : "");
        String format = "%-16s %6s %12s %12s %12s %8s %8s %10s %6s  %s%n";
        out.printf(format, "target", "slices", "sent", "received", "missed", "(torn)", "corrupt", "unreported", "kills", "result");
        long kills = 0;
        for (Tally t : tallies) {
            kills += t.killCount();
            out.printf(format, t.target(), t.slices(), t.sentCount(), t.receivedCount(), t.missedCount(), t.tornCount(),
                    t.corruptCount(), t.unreportedCount(), t.killCount(), t.failed() ? "FAILED" : t.slices() == 0 ? "not run" : "OK");
        }
        out.println("missed: skipped and reported by the ring's reader (lapped in OVERWRITE mode; torn = caught by the seqlock);");
        out.println("unreported: sent but neither received, reported missed nor delivered corrupt. corrupt and unreported must be 0.");
        for (Tally t : tallies) {
            if (!t.note().isEmpty()) {
                out.println("note: " + t.note() + (t.killCount() > 0 ? "; " + t.earlyKillCount()
                        + " of the kills hit a writer before its first message (starting up or attaching)" : ""));
            }
        }
        for (Tally t : tallies) {
            for (String problem : t.problems()) {
                out.println("problem: " + t.target() + ": " + problem);
            }
        }
        if (logs != null) {
            out.println("logs of the peer and writer processes: " + logs);
        }
        out.printf("soak: %s (%d writer kills; %d messages sent, %d corrupt, %d unreported)%n",
                failed() ? "FAILED" : interrupted ? "interrupted, no failure so far" : "OK", kills,
                tallies.stream().mapToLong(Tally::sentCount).sum(),
                tallies.stream().mapToLong(Tally::corruptCount).sum(),
                tallies.stream().mapToLong(Tally::unreportedCount).sum());
        out.flush();
    }
}
