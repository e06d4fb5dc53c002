package io.shmbench.run;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PlannedRun run = new PlannedRun(Declarations.Q5_READ,
            new TreeMap<>(Map.of("servers", "64", "payloadLayout", "SOA", "features", "16")));

    @Test
    void estimatesFromTheNominalTimeUntilARunHasFinished() {
        Progress progress = new Progress(10, Duration.ofSeconds(4), now::get);

        assertEquals("[1/10] Q5PayloadLayout.readSnapshot [avgt] features=16, payloadLayout=SOA, servers=64"
                + "   elapsed 0:00, about 0:40 left", progress.starting(0, run));
    }

    @Test
    void thenFromTheMeanOfTheRunsSoFar() {
        Progress progress = new Progress(10, Duration.ofSeconds(4), now::get);
        now.addAndGet(Duration.ofSeconds(12).toNanos());
        progress.finishedOne();
        progress.finishedOne();

        assertEquals(Duration.ofSeconds(48), progress.remaining(2));
        assertEquals("[3/10] " + run.label() + "   elapsed 0:12, about 0:48 left", progress.starting(2, run));
    }

    @Test
    void formatsHoursMinutesSeconds() {
        assertEquals("0:00", Progress.format(Duration.ZERO));
        assertEquals("1:05", Progress.format(Duration.ofSeconds(65)));
        assertEquals("2:00:01", Progress.format(Duration.ofSeconds(7201)));
    }

    @Test
    void nominalTimeCountsEveryForkWithItsStartUp() {
        IterationSettings settings = new IterationSettings(2, TimeValue.milliseconds(500), 3, TimeValue.seconds(1), 3);

        // per fork: 1.5 s start-up and set-up + 2 x 0.5 s + 3 x 1 s = 5.5 s
        assertEquals(Duration.ofMillis(16_500), settings.nominalPerRun());
    }
}
