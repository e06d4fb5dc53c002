package io.shmbench.run;

import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Iterations, their times and forks of a run: the profile's, each replaced by the user's JMH option if given. */
public record IterationSettings(int warmupIterations, TimeValue warmupTime, int measurementIterations,
                                TimeValue measurementTime, int forks) {
    /** A fork's JVM start, JIT and set-up beyond the iterations: a guess for the first estimate. */
    static final Duration FORK_OVERHEAD = Duration.ofSeconds(1);

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
