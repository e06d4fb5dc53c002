package io.shmbench.run;

import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.Outcome;
import io.shmbench.measure.RawCsvFile;
import io.shmbench.measure.RoundsFile;
import io.shmbench.measure.RunDirectory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link BenchmarkPlan} through JMH's Java API, one JMH invocation per planned run and
 * round ({@link Rounds}: the plan once per round, each round shuffled), and writes the run
 * directory as it goes: {@code raw/jmh.json} after every run, {@code raw/rounds.csv} (which round
 * each run was, when, and which jmh.json entry it made; {@link RoundsFile}), {@code env.json} at
 * start and end, {@code run.log} throughout. Each fork learns its round from the system property
 * {@value RoundsFile#PROPERTY}. A run that fails is recorded (env.json's {@code failedRuns},
 * {@code raw/outcomes.csv}) and the suite goes on. SIGINT/SIGTERM stops the forks, keeps what was
 * measured and marks the run incomplete ({@link InterruptGuard}).
 *
 * <p>With a {@link Budget}, series that have converged are left out of later rounds and a round
 * that would pass the budget is not started ({@link AdaptiveRounds}); a run that stops so is
 * complete, and {@code raw/rounds.csv} has rows only for the runs it started.
 */
public final class SuiteRun {
    private final RunDirectory dir;
    private final Profile profile;
    private final BenchmarkPlan plan;
    private final Rounds rounds;
    private final Options user;
    private final List<String> forkJvmArgs;
    private final RunRecord record;
    private final BudgetedPlan budgeted;
    private final AdaptiveRounds adaptive;
    private final List<RunResult> results = new ArrayList<>();
    private final List<RunRecord.FailedRun> failures = new ArrayList<>();

    /**
     * @param forkJvmArgs appended to every fork's JVM arguments (the suite's flags and the run directory)
     */
    public SuiteRun(RunDirectory dir, Profile profile, BenchmarkPlan plan, Rounds rounds, Options user, List<String> forkJvmArgs,
                    RunRecord record) {
        this(dir, profile, plan, rounds, user, forkJvmArgs, record, null);
    }

    /**
     * @param budgeted null for no budget; else {@code plan}, {@code rounds} and {@code user} are the
     *                 budget's, converged series leave later rounds and a round that would pass the
     *                 budget is not started ({@link AdaptiveRounds})
     */
    public SuiteRun(RunDirectory dir, Profile profile, BenchmarkPlan plan, Rounds rounds, Options user, List<String> forkJvmArgs,
                    RunRecord record, BudgetedPlan budgeted) {
        this.dir = dir;
        this.profile = profile;
        this.plan = plan;
        this.rounds = rounds;
        this.user = user;
        this.forkJvmArgs = List.copyOf(forkJvmArgs);
        this.record = record;
        this.budgeted = budgeted;
        this.adaptive = budgeted == null ? AdaptiveRounds.all(rounds.count()) : AdaptiveRounds.within(budgeted.budget(), rounds.count());
    }

    /**
     * How a suite run ended.
     *
     * @param failures    runs that produced no result
     * @param interrupted SIGINT/SIGTERM stopped it (the JVM is shutting down)
     * @param notStarted  planned runs JMH never started because another instance held its lock
     *                    ({@link JmhLock}), the refused one included; more than 0 means the run stopped
     */
    public record Result(List<RunRecord.FailedRun> failures, boolean interrupted, int notStarted) {
    }

    /** Runs every planned run, or until interrupted or JMH refuses to start. */
    public Result execute() {
        boolean interrupted;
        int notStarted;
        RunLog log = RunLog.open(dir.runLog());
        // Benchmarks run in this JVM too when the user asks for -f 0.
        String previousRunDir = System.setProperty(RunDirectory.PROPERTY, dir.root().toString());
        try (InterruptGuard guard = new InterruptGuard(this::saveInterrupted)) {
            record.started();
            notStarted = loop(guard);
            interrupted = !guard.finishNormally();
            if (!interrupted) {
                finish(notStarted == 0 ? RunRecord.Status.COMPLETE : RunRecord.Status.STOPPED);
            }
        } finally {
            restore(previousRunDir);
            log.close(); // after the guard: an interruption's last words still reach run.log
        }
        synchronized (this) {
            return new Result(List.copyOf(failures), interrupted, notStarted);
        }
    }

    /** Returns how many runs were not started because JMH refused to run. */
    private int loop(InterruptGuard guard) {
        SuiteOutputFormat out = new SuiteOutputFormat(OutputFormatFactory.createFormatInstance(System.out,
                user.verbosity().orElse(VerboseMode.NORMAL)));
        int perRound = plan.runs().size();
        Progress progress = new Progress(perRound * rounds.count(), IterationSettings.of(profile, user).nominalPerRun(),
                System::nanoTime);
        System.out.println("shmbench: profile " + profile.label() + ", " + progress.total() + " runs"
                + (rounds.count() > 1 ? " (" + perRound + " x " + rounds.count() + " rounds, each in its own order)" : "")
                + ", results in " + dir.root());
        if (budgeted != null) {
            budgeted.describe().forEach(line -> System.out.println("shmbench: " + line));
            System.out.println("shmbench: about " + Progress.format(budgeted.nominal()) + " (nominal); series that converge over "
                    + Convergence.MIN_ROUNDS + " or more rounds leave later rounds, and a round that would pass the budget does not start");
        }
        recordNotRun();
        RawCsvFile roundsFile = new RawCsvFile(dir.rounds(), RoundsFile.COLUMNS);
        RoundLoop.Result made = new RoundLoop(plan.runs(), rounds, adaptive, progress, System.out)
                .run(execution -> runOne(execution, out, roundsFile, guard), guard::interrupted);
        if (!guard.interrupted()) {
            synchronized (this) {
                out.summary(results);
            }
            System.out.println("shmbench: " + made.started() + " runs in " + Progress.format(progress.elapsed())
                    + (failures.isEmpty() ? "" : ", " + failures.size() + " failed") + "; results in " + dir.root());
            if (budgeted != null) {
                AdaptiveRounds.Outcome outcome = adaptive.outcome();
                System.out.println("shmbench: budget " + budgeted.budget().label() + ": " + outcome.roundsCompleted() + " of "
                        + rounds.count() + (rounds.count() == 1 ? " round" : " rounds")
                        + (outcome.stoppedForBudget() ? ", stopped there for the budget" : "") + "; "
                        + outcome.converged().size() + " series converged and left later rounds early (env.json budget)");
            }
        }
        return made.notStarted();
    }

    /** Makes one JMH run and records it in raw/jmh.json, raw/rounds.csv and, when it fails, raw/outcomes.csv. */
    private RoundLoop.Made runOne(Rounds.Execution execution, SuiteOutputFormat out, RawCsvFile roundsFile, InterruptGuard guard) {
        PlannedRun run = execution.run();
        long startedMs = System.currentTimeMillis();
        int resultIndex = -1;
        try {
            List<RunResult> produced = new ArrayList<>(
                    new Runner(JmhOptions.forRun(run, profile, user, forkArgs(execution)), out).run());
            if (produced.isEmpty()) {
                failed(execution, "JMH produced no result");
                return RoundLoop.Made.FAILED;
            }
            resultIndex = succeeded(produced);
            return RoundLoop.Made.scored(produced.getFirst().getPrimaryResult().getScore());
        } catch (RunnerException | RuntimeException e) {
            if (!guard.interrupted()) {
                failed(execution, describe(e));
            }
            return JmhLock.refused(e) ? RoundLoop.Made.REFUSED : RoundLoop.Made.FAILED;
        } finally {
            if (!guard.interrupted()) {
                roundsFile.append(List.of(roundRow(execution, startedMs, resultIndex)));
            }
        }
    }

    /** The suite's flags for every fork, and the round this fork measures in. */
    private List<String> forkArgs(Rounds.Execution execution) {
        List<String> args = new ArrayList<>(forkJvmArgs);
        args.add("-D" + RoundsFile.PROPERTY + "=" + execution.round());
        return args;
    }

    private static List<Object> roundRow(Rounds.Execution execution, long startedMs, int resultIndex) {
        PlannedRun run = execution.run();
        return List.of(execution.round(), execution.position(), run.benchmark().shortName(), run.benchmark().mode().shortLabel(),
                run.series().paramsText(), startedMs, System.currentTimeMillis(),
                resultIndex >= 0 ? Outcome.OK.label() : Outcome.FAILED.label(), resultIndex >= 0 ? resultIndex : "");
    }

    /** Combinations the plan left out as unsupported or unavailable go to raw/outcomes.csv, so figures mark them. */
    private synchronized void recordNotRun() {
        List<BenchmarkPlan.NotRun> notRun = plan.notRun();
        if (notRun.isEmpty()) {
            return;
        }
        OutcomeLog outcomes = new OutcomeLog(dir.outcomes());
        int recorded = 0;
        for (BenchmarkPlan.NotRun n : notRun) {
            var status = n.verdict().recordedAs();
            if (status.isPresent()) {
                outcomes.append(n.run().benchmark().name(), n.run().series().paramsText(), status.get(), n.verdict().reason());
                recorded++;
            }
        }
        System.out.println("shmbench: " + notRun.size() + " parameter combinations not run, " + recorded
                + " of them recorded in raw/outcomes.csv as unsupported or unavailable (--dry-run lists them)");
    }

    /** Keeps the results; returns the index of the first in raw/jmh.json. */
    private synchronized int succeeded(List<RunResult> produced) {
        int index = results.size();
        results.addAll(produced);
        JmhResultsFile.write(dir.jmhResults(), results);
        return index;
    }

    private synchronized void failed(Rounds.Execution execution, String detail) {
        PlannedRun run = execution.run();
        failures.add(new RunRecord.FailedRun(run, execution.round(), detail));
        new OutcomeLog(dir.outcomes()).append(run.benchmark().name(), run.series().paramsText(), Outcome.FAILED, detail);
        System.out.println("shmbench: " + run.label() + (rounds.count() > 1 ? " (round " + execution.round() + ")" : "")
                + " failed: " + detail);
    }

    private synchronized void finish(RunRecord.Status status) {
        JmhResultsFile.write(dir.jmhResults(), results);
        if (budgeted != null) {
            record.roundsRan(adaptive.outcome());
        }
        record.finished(status, results.size(), failures);
    }

    /** Called by the shutdown hook once the loop has stopped (or did not stop in time). */
    private void saveInterrupted() {
        finish(RunRecord.Status.INTERRUPTED);
        System.err.println("shmbench: run interrupted after " + results.size() + " of " + plan.runs().size() * rounds.count()
                + " runs; kept what was measured in " + dir.root() + " (env.json says complete: false)");
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? e.toString() : e.getMessage() + ": " + root;
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private static void restore(String previousRunDir) {
        if (previousRunDir == null) {
            System.clearProperty(RunDirectory.PROPERTY);
        } else {
            System.setProperty(RunDirectory.PROPERTY, previousRunDir);
        }
    }
}
