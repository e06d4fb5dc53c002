package io.shmbench.run;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** The JMH options of one planned run: the profile's, overridden by what the user gave after {@code --}. */
public final class JmhOptions {
    private JmhOptions() {
    }

    /**
     * Parses the user's JMH arguments; refuses those the run command owns (result and output files)
     * and those that list instead of run.
     */
    public static CommandLineOptions parseUserArgs(List<String> args) {
        CommandLineOptions user;
        try {
            user = new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH option after '--': " + e.getMessage(), e);
        }
        if (user.getResult().hasValue() || user.getResultFormat().hasValue()) {
            throw new IllegalArgumentException("-rf/-rff: the run writes JMH's JSON to results/<run-id>/raw/jmh.json itself");
        }
        if (user.getOutput().hasValue()) {
            throw new IllegalArgumentException("-o: the run writes its console output to results/<run-id>/run.log itself");
        }
        if (user.shouldHelp() || user.shouldList() || user.shouldListWithParams() || user.shouldListProfilers()
                || user.shouldListResultFormats()) {
            throw new IllegalArgumentException("-h/-l/-lp/-lprof/-lrf list instead of running; use --dry-run to see the plan");
        }
        for (String pattern : concat(user.getIncludes(), user.getExcludes())) {
            Pattern.compile(pattern); // a bad pattern fails here, before anything runs
        }
        return user;
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * @param jvmArgsAppend the suite's flags for every fork (native access, the run directory), before the user's own
     */
    public static Options forRun(PlannedRun run, Profile profile, Options user, List<String> jvmArgsAppend) {
        IterationSettings settings = IterationSettings.of(profile, user);
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + Pattern.quote(run.benchmark().name()) + "$")
                .mode(run.benchmark().mode())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(settings.warmupTime())
                .measurementIterations(settings.measurementIterations())
                .measurementTime(settings.measurementTime())
                .forks(settings.forks())
                // A failing run raises, so the suite records it as failed and goes on to the next one.
                .shouldFailOnError(true);
        run.params().forEach(b::param);

        List<String> append = new ArrayList<>(jvmArgsAppend);
        append.addAll(user.getJvmArgsAppend().orElse(List.of()));
        b.jvmArgsAppend(append.toArray(String[]::new));
        if (user.getJvmArgs().hasValue()) {
            b.jvmArgs(user.getJvmArgs().get().toArray(String[]::new));
        }
        if (user.getJvmArgsPrepend().hasValue()) {
            b.jvmArgsPrepend(user.getJvmArgsPrepend().get().toArray(String[]::new));
        }
        if (user.getJvm().hasValue()) {
            b.jvm(user.getJvm().get());
        }
        for (ProfilerConfig profiler : user.getProfilers()) {
            b.addProfiler(profiler.getKlass(), profiler.getOpts());
        }
        if (user.verbosity().hasValue()) {
            b.verbosity(user.verbosity().get());
        }
        if (user.getTimeout().hasValue()) {
            b.timeout(user.getTimeout().get());
        }
        if (user.getTimeUnit().hasValue()) {
            b.timeUnit(user.getTimeUnit().get());
        }
        if (user.getThreads().hasValue()) {
            b.threads(user.getThreads().get());
        }
        if (user.getThreadGroups().hasValue()) {
            b.threadGroups(user.getThreadGroups().get());
        }
        if (user.shouldSyncIterations().hasValue()) {
            b.syncIterations(user.shouldSyncIterations().get());
        }
        if (user.shouldDoGC().hasValue()) {
            b.shouldDoGC(user.shouldDoGC().get());
        }
        if (user.getWarmupBatchSize().hasValue()) {
            b.warmupBatchSize(user.getWarmupBatchSize().get());
        }
        if (user.getMeasurementBatchSize().hasValue()) {
            b.measurementBatchSize(user.getMeasurementBatchSize().get());
        }
        if (user.getWarmupMode().hasValue()) {
            b.warmupMode(user.getWarmupMode().get());
        }
        user.getWarmupIncludes().forEach(b::includeWarmup);
        if (user.getWarmupForkCount().hasValue()) {
            b.warmupForks(user.getWarmupForkCount().get());
        }
        if (user.getOperationsPerInvocation().hasValue()) {
            b.operationsPerInvocation(user.getOperationsPerInvocation().get());
        }
        return b.build();
    }
}
