package io.shmbench.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

/**
 * The order in which a suite run makes its runs, and when it stops: round after round, each in its
 * own shuffled order ({@link Rounds}), leaving out the series {@link AdaptiveRounds} has found
 * converged and not starting a round it finds past the budget; stopping at once when JMH refuses
 * to start a run (another instance holds its lock) or the run is interrupted. Making a run is
 * {@link RunMaker}'s business, so the loop is the same under test as under JMH.
 */
final class RoundLoop {
    /** Makes one run (JMH, in a real suite run) and records it. */
    @FunctionalInterface
    interface RunMaker {
        Made make(Rounds.Execution execution);
    }

    /**
     * How one run went.
     *
     * @param score   JMH's primary score, when the run produced a result
     * @param refused JMH refused to start it: another instance holds its lock
     */
    record Made(OptionalDouble score, boolean refused) {
        static final Made FAILED = new Made(OptionalDouble.empty(), false);
        static final Made REFUSED = new Made(OptionalDouble.empty(), true);

        static Made scored(double score) {
            return new Made(OptionalDouble.of(score), false);
        }
    }

    /**
     * @param started    runs made (failed ones included, the refused one not)
     * @param notStarted runs JMH refused, the first refused included (0 unless it refused)
     */
    record Result(int started, int notStarted) {
    }

    private final List<PlannedRun> runs;
    private final Rounds rounds;
    private final AdaptiveRounds adaptive;
    private final Progress progress;
    private final PrintStream out;

    /**
     * @param progress counts every run of every round at first; the loop takes off what it leaves out
     */
    RoundLoop(List<PlannedRun> runs, Rounds rounds, AdaptiveRounds adaptive, Progress progress, PrintStream out) {
        this.runs = List.copyOf(runs);
        this.rounds = rounds;
        this.adaptive = adaptive;
        this.progress = progress;
        this.out = out;
    }

    Result run(RunMaker maker, BooleanSupplier interrupted) {
        List<Rounds.Execution> order = rounds.order(runs);
        int perRound = runs.size();
        int started = 0;
        for (int round = 1; round <= rounds.count(); round++) {
            List<Rounds.Execution> due = adaptive.due(order.subList((round - 1) * perRound, round * perRound));
            progress.skipped(perRound - due.size());
            Duration elapsed = progress.elapsed();
            if (!adaptive.starts(round, elapsed, started, due.size())) {
                out.println();
                out.println("shmbench: stopping before round " + round + " of " + rounds.count() + " for the budget "
                        + adaptive.budget().label() + ": " + Progress.format(elapsed) + " so far, and its " + due.size()
                        + (due.size() == 1 ? " run" : " runs") + " would take about " + Progress.format(Budget.nextRoundEstimate(elapsed, started, due.size())) + " more");
                return new Result(started, 0);
            }
            for (Rounds.Execution execution : due) {
                if (interrupted.getAsBoolean()) {
                    return new Result(started, 0);
                }
                out.println();
                out.println(progress.starting(started, execution.run())
                        + (rounds.count() > 1 ? "   round " + execution.round() + "/" + rounds.count() : ""));
                Made made = maker.make(execution);
                if (made.refused()) {
                    // Every further run would be refused the same way: stop rather than fail them all.
                    int notStarted = progress.total() - started;
                    out.println("shmbench: stopping; " + JmhLock.busy(JmhLock.FILE) + ". " + notStarted + " of "
                            + progress.total() + " runs were not started.");
                    return new Result(started, notStarted);
                }
                made.score().ifPresent(score -> adaptive.scored(execution.run(), score));
                started++;
                progress.finishedOne();
            }
            if (interrupted.getAsBoolean()) {
                return new Result(started, 0);
            }
            printConverged(adaptive.finished(round));
        }
        return new Result(started, 0);
    }

    private void printConverged(List<AdaptiveRounds.Converged> converged) {
        if (converged.isEmpty()) {
            return;
        }
        out.println();
        out.println("shmbench: after round " + converged.getFirst().afterRound() + ", " + converged.size()
                + " series converged ((max - min) / median of their round scores <= "
                + Math.round(Convergence.MAX_RELATIVE_SPREAD * 100) + "%) and are not run in later rounds:");
        for (AdaptiveRounds.Converged c : converged) {
            out.printf(Locale.ROOT, "  %s   spread %.1f%%%n", c.run().label(), c.relativeSpread() * 100);
        }
    }
}
