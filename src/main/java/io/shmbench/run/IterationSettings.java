package io.shmbench.run;

import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Iterations, their times and forks of a run: the profile's, each replaced by the user's JMH option if given. */
public record IterationSettings(int warmupIterations, TimeValue warmupTime, int measurementIterations,
                                TimeValue measurementTime, int forks) {
    /**
     * A fork's time beyond its iterations: its JVM's start, the benchmark's set-up (most start a
     * peer JVM) and tear-down. Measured here (2 vCPUs, whole command, so the suite's own start and
     * the report are in it too): smoke, 27 runs of 0.2 s iterations, 47 s wall, 1.5 s per run
     * beyond the iterations; quick, 131 runs of 3.5 s, 10:22 to 10:36 wall, 1.25 to 1.35 s. Every
     * run here has one fork, so that is per fork; the larger figure, so an estimate errs long.
     */
    static final Duration FORK_OVERHEAD = Duration.ofMillis(1500);

    public static IterationSettings of(Profile profile, Options user) {
        return new IterationSettings(
                user.getWarmupIterations().orElse(profile.warmupIterations()),
                user.getWarmupTime().orElse(profile.warmupTime()),
                user.getMeasurementIterations().orElse(profile.measurementIterations()),
                user.getMeasurementTime().orElse(profile.measurementTime()),
                user.getForkCount().orElse(profile.forks()));
    }

    /** What one planned run should take: per fork the iterations plus {@link #FORK_OVERHEAD}. */
    public Duration nominalPerRun() {
        Duration perFork = FORK_OVERHEAD.plus(duration(warmupTime).multipliedBy(warmupIterations))
                .plus(duration(measurementTime).multipliedBy(measurementIterations));
        return perFork.multipliedBy(Math.max(1, forks));
    }

    private static Duration duration(TimeValue value) {
        return Duration.ofNanos(value.convertTo(TimeUnit.NANOSECONDS));
    }
}
