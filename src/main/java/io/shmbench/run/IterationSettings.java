package io.shmbench.run;

import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.math.BigDecimal;
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

    IterationSettings withForks(int count) {
        return new IterationSettings(warmupIterations, warmupTime, measurementIterations, measurementTime, count);
    }

    IterationSettings withMeasurementIterations(int count) {
        return new IterationSettings(warmupIterations, warmupTime, count, measurementTime, forks);
    }

    IterationSettings withMeasurementTime(TimeValue time) {
        return new IterationSettings(warmupIterations, warmupTime, measurementIterations, time, forks);
    }

    IterationSettings withWarmup(int count, TimeValue time) {
        return new IterationSettings(count, time, measurementIterations, measurementTime, forks);
    }

    /** What one planned run should take: per fork the iterations plus {@link #FORK_OVERHEAD}. */
    public Duration nominalPerRun() {
        Duration perFork = FORK_OVERHEAD.plus(duration(warmupTime).multipliedBy(warmupIterations))
                .plus(duration(measurementTime).multipliedBy(measurementIterations));
        return perFork.multipliedBy(Math.max(1, forks));
    }

    /** {@code 10 x 1 s}. */
    public String measurement() {
        return iterations(measurementIterations, measurementTime);
    }

    /** {@code 5 x 1 s}. */
    public String warmup() {
        return iterations(warmupIterations, warmupTime);
    }

    private static String iterations(int count, TimeValue time) {
        return count + " x " + seconds(time);
    }

    /** {@code 0.5 s}: every iteration time in the same unit, so settings compare at a glance. */
    static String seconds(TimeValue time) {
        return BigDecimal.valueOf(duration(time).toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }

    static Duration duration(TimeValue value) {
        return Duration.ofNanos(value.convertTo(TimeUnit.NANOSECONDS));
    }
}
