package io.shmbench.cli;

import io.shmbench.bench.Q1Plan;
import io.shmbench.bench.Q4Plan;
import io.shmbench.env.EnvironmentProbe;
import io.shmbench.measure.RunDirectory;
import io.shmbench.placement.Topology;
import io.shmbench.placement.TopologyException;
import io.shmbench.process.JavaCommand;
import io.shmbench.report.Reporter;
import io.shmbench.report.RunLayout;
import io.shmbench.run.BenchmarkDeclaration;
import io.shmbench.run.BenchmarkPlan;
import io.shmbench.run.Budget;
import io.shmbench.run.BudgetPlanner;
import io.shmbench.run.BudgetedPlan;
import io.shmbench.run.HostParameters;
import io.shmbench.run.IterationSettings;
import io.shmbench.run.JmhLock;
import io.shmbench.run.JmhOptions;
import io.shmbench.run.PlanRules;
import io.shmbench.run.Profile;
import io.shmbench.run.Progress;
import io.shmbench.run.ResultsRoot;
import io.shmbench.run.Rounds;
import io.shmbench.run.RunRecord;
import io.shmbench.run.Selection;
import io.shmbench.run.SuiteRun;
import io.shmbench.run.TopologyParameters;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code run-bench.sh [run]}: runs the benchmark suite (the default command). Writes
 * {@code results/<run-id>/} as docs/RESULTS-FORMAT.md describes and points {@code results/latest}
 * at it. Exit 0 when every run produced a result and the report found every input fine; 1 when a
 * run failed, another JMH held its lock, or the report found a bad input; 2 on a usage error (a
 * {@code --budget} no plan meets included); a run stopped by SIGINT or SIGTERM ends with the
 * signal's status (130, 143), its results saved. A run its budget stopped is complete.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the benchmark suite (the default when no command is given).",
                "JMH options after '--' win over the profile, e.g. -- -f 2 -p messageBytes=64."})
public final class RunCommand implements Callable<Integer> {
    /**
     * Returned when the loop finds the run interrupted. The JVM is then already shutting down for
     * the signal, so the process's status is the signal's (128 + its number); this value shows only
     * where the command runs in-process.
     */
    static final int EXIT_INTERRUPTED = 130;

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", paramLabel = "smoke|quick|full", defaultValue = "quick", converter = ProfileConverter.class,
            description = "smoke: every benchmark once, tiny iterations (CI); quick (default): every question at reduced "
                    + "sweeps; full: every sweep, forks >= 3.")
    private Profile profile;

    @Option(names = "--only", paramLabel = "Q1,Q3|REGEX",
            description = "Only these questions (benchmark classes starting with Q1, Q3, ...) or benchmarks whose full "
                    + "name contains a match of REGEX.")
    private String only;

    @Option(names = "--run-id", paramLabel = "ID", description = "Name of the run directory (default: the local time, yyyyMMdd-HHmmss).")
    private String runId;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    private Path resultsDir;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Run the plan N times (default 1), each round in its own shuffled order, so a slow spell of the host "
                    + "falls on one round of every series; the report gives each metric's median and spread across rounds.")
    private int roundCount;

    @Option(names = "--budget", paramLabel = "DURATION", converter = BudgetConverter.class,
            description = "Fit the run into DURATION (e.g. 2h, 90m, 45s, 1h30m): fewer forks, iterations, then the quick "
                    + "profile's sweeps, then fewer rounds, as far as needed (--dry-run shows which); series that converge "
                    + "over 5 or more rounds leave later rounds, and a round that would pass the budget does not start.")
    private Budget budget;

    @Option(names = "--dry-run", description = "Print the planned runs and an estimate of the time, run nothing.")
    private boolean dryRun;

    @Parameters(paramLabel = "JMH-OPTION", arity = "0..*", description = "JMH options (after '--').")
    private List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() {
        Options user;
        Selection selection;
        BenchmarkPlan plan;
        Rounds rounds;
        BudgetedPlan budgeted = null;
        try {
            rounds = new Rounds(roundCount, System.currentTimeMillis());
            CommandLineOptions given = JmhOptions.parseUserArgs(jmhArgs);
            user = given;
            selection = only == null ? Selection.ALL : Selection.parse(only);
            if (runId != null) {
                new ResultsRoot(resultsDir).requireFree(runId);
            }
            Function<Profile, BenchmarkPlan> planWithSweepsOf = planner(selection, given);
            if (budget == null) {
                plan = planWithSweepsOf.apply(profile);
            } else {
                budgeted = BudgetPlanner.fit(budget, profile, given, rounds.count(), planWithSweepsOf);
                plan = budgeted.plan();
                user = budgeted.options();
                rounds = new Rounds(budgeted.rounds(), rounds.seed());
            }
        } catch (BudgetPlanner.BudgetUnmetException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage()); // the usage would bury it, and is not the problem
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            printPlan(out, plan, rounds, user, budgeted);
            return 0;
        }
        try {
            new ResultsRoot(resultsDir).requireCreatable();
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "--results-dir " + resultsDir + ": " + e.getCause().getMessage(), e);
        }
        Optional<String> lockBusy = JmhLock.heldElsewhere(JmhLock.FILE);
        if (lockBusy.isPresent()) {
            spec.commandLine().getErr().println("error: cannot start: " + lockBusy.get());
            return 1;
        }

        ResultsRoot results = new ResultsRoot(resultsDir);
        RunDirectory run;
        try {
            run = results.create(runId != null ? runId : results.newRunId(LocalDateTime.now()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // A --results-dir that cannot be made (under a file, no permission) is the user's input, not a failed run.
            throw new ParameterException(spec.commandLine(), "--results-dir " + resultsDir + ": " + e.getMessage(), e);
        }
        if (!results.pointLatestAt(run)) {
            spec.commandLine().getErr().println("warning: " + results.root().resolve(ResultsRoot.LATEST)
                    + " is not a symlink; left as it is");
        }
        List<String> forkJvmArgs = forkJvmArgs(run);
        RunRecord record = new RunRecord(run, EnvironmentProbe.ofThisHost().fingerprint(), run.root().getFileName().toString(),
                profile, selection, plan, rounds, user, jmhArgs, forkJvmArgs, Clock.systemUTC());
        if (budgeted != null) {
            record.budgeted(budgeted);
        }

        SuiteRun.Result result = new SuiteRun(run, profile, plan, rounds, user, forkJvmArgs, record, budgeted).execute();
        if (result.interrupted()) {
            return EXIT_INTERRUPTED; // the shutdown hook has saved the run; the JVM is exiting
        }
        int reported = runReporter(run);
        List<RunRecord.FailedRun> failed = result.failures();
        if (!failed.isEmpty()) {
            spec.commandLine().getErr().println("error: " + failed.size() + " of " + plan.runs().size() * rounds.count()
                    + " runs failed (see " + run.envFile() + " failedRuns and " + run.outcomes() + ")"
                    + (result.notStarted() == 0 ? "" : "; " + result.notStarted() + " were not started: "
                    + JmhLock.busy(JmhLock.FILE)));
            return 1;
        }
        return reported == 0 ? 0 : 1;
    }

    /** The run's plan (this selection, the user's JMH options, this host, the benchmarks' rules) with a profile's sweeps. */
    private static Function<Profile, BenchmarkPlan> planner(Selection selection, Options user) {
        List<BenchmarkDeclaration> all = compiledBenchmarks();
        HostParameters host = hostParameters();
        PlanRules rules = planRules();
        return sweeps -> BenchmarkPlan.build(all, selection, sweeps, user, host, rules);
    }

    /**
     * Turns the finished (or interrupted) run into tidy CSV, figures and the index page, as
     * {@code report} would; returns the reporter's exit code (0 when every input was fine).
     */
    int runReporter(RunDirectory run) {
        try {
            return Reporter.report(RunLayout.of(run.root(), null), spec.commandLine().getOut(),
                    spec.commandLine().getErr()).exitCode();
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot report " + run.root() + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Forks inherit this JVM's arguments (JMH's default); they also get the suite's flags this JVM
     * was started without (as in tests) and the run directory.
     */
    static List<String> forkJvmArgs(RunDirectory run) {
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> args = new ArrayList<>(JavaCommand.FLAGS.stream().filter(flag -> !inherited.contains(flag)).toList());
        args.add("-D" + RunDirectory.PROPERTY + "=" + run.root());
        return args;
    }

    /**
     * Parameter values this host decides: placements and CPU pairs from its topology. A topology
     * that cannot be read leaves the declared values (the benchmarks then report what they cannot
     * place) rather than stopping every run.
     */
    static HostParameters hostParameters() {
        try {
            return TopologyParameters.of(Topology.host());
        } catch (TopologyException e) {
            System.err.println("warning: placements and CPU pairs are not taken from this host: " + e.getMessage());
            return HostParameters.NONE;
        }
    }

    /** Which combinations of each benchmark's parameters run (the benchmarks' own rules). */
    static PlanRules planRules() {
        return PlanRules.all(List.of(new Q1Plan(), new Q4Plan()));
    }

    static List<BenchmarkDeclaration> compiledBenchmarks() {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        return BenchmarkDeclaration.fromJmh(BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT), List.of(".*"), List.of()));
    }

    private void printPlan(PrintWriter out, BenchmarkPlan plan, Rounds rounds, Options user, BudgetedPlan budgeted) {
        List<Rounds.Execution> order = rounds.order(plan.runs());
        int perRound = plan.runs().size();
        for (Rounds.Execution e : order.subList(0, perRound)) {
            out.println("[" + e.position() + "/" + perRound + "] " + e.run().label());
        }
        if (rounds.count() > 1) {
            out.println((rounds.count() == 2 ? "round 2" : "rounds 2-" + rounds.count()) + ": the same " + perRound
                    + " runs, each round in its own shuffled order");
        }
        printNotRun(out, plan.notRun());
        if (budgeted != null) {
            budgeted.describe().forEach(out::println);
        }
        Duration perRun = IterationSettings.of(profile, user).nominalPerRun();
        out.println("profile " + profile.label() + ": " + order.size() + " runs"
                + (rounds.count() > 1 ? " (" + perRound + " x " + rounds.count() + " rounds)" : "") + ", about "
                + Progress.format(perRun.multipliedBy(order.size())) + " (nominal)"
                + (budgeted != null ? ", within the budget " + budgeted.budget().label() : ""));
        out.flush();
    }

    /**
     * Recorded ones (unsupported, unavailable) one per line, as they will appear in outcomes.csv;
     * skipped ones counted by reason, since a full plan skips hundreds.
     */
    private static void printNotRun(PrintWriter out, List<BenchmarkPlan.NotRun> notRun) {
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (BenchmarkPlan.NotRun n : notRun) {
            if (n.verdict().recordedAs().isPresent()) {
                out.println("not run, " + n.verdict().kind().name().toLowerCase(Locale.ROOT) + ": " + n.run().label() + ": "
                        + n.verdict().reason());
            } else {
                skipped.merge(n.run().benchmark().shortName() + ": " + n.verdict().reason(), 1, Integer::sum);
            }
        }
        skipped.forEach((reason, count) -> out.println("not run, skipped " + count + " x " + reason));
    }

    /** {@code 2h}, {@code 90m}, {@code 45s}, {@code 1h30m}; anything else is a usage error saying what would do. */
    static final class BudgetConverter implements ITypeConverter<Budget> {
        @Override
        public Budget convert(String value) {
            try {
                return Budget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Accepts smoke, quick, full in any case; anything else is a usage error naming the choices. */
    static final class ProfileConverter implements ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            return Profile.parse(value);
        }
    }
}
