package io.shmbench.run;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhOptionsTest {
    private final PlannedRun run = new PlannedRun(Declarations.Q5_READ,
            new TreeMap<>(Map.of("servers", "64", "payloadLayout", "SOA", "features", "16")));

    @Test
    void aRunGetsItsBenchmarkItsParametersAndTheProfilesIterations() {
        Options options = JmhOptions.forRun(run, Profile.QUICK, JmhOptions.parseUserArgs(List.of()), List.of("-Dx=1"));

        assertEquals(List.of("^\\Qio.shmbench.bench.Q5PayloadLayout.readSnapshot\\E$"), options.getIncludes());
        assertEquals(List.of(Mode.AverageTime), List.copyOf(options.getBenchModes()));
        assertEquals(List.of("SOA"), List.copyOf(options.getParameter("payloadLayout").get()));
        assertEquals(List.of("64"), List.copyOf(options.getParameter("servers").get()));
        assertEquals(Profile.QUICK.warmupIterations(), options.getWarmupIterations().get());
        assertEquals(Profile.QUICK.measurementTime(), options.getMeasurementTime().get());
        assertEquals(Profile.QUICK.forks(), options.getForkCount().get());
        assertEquals(List.of("-Dx=1"), List.copyOf(options.getJvmArgsAppend().get()));
        assertTrue(options.shouldFailOnError().get());
    }

    @Test
    void theUsersOptionsWinAndTheirJvmArgsComeAfterTheSuites() {
        Options options = JmhOptions.forRun(run, Profile.FULL, JmhOptions.parseUserArgs(List.of(
                "-wi", "2", "-w", "50ms", "-i", "3", "-r", "70ms", "-f", "2", "-jvmArgsAppend", "-Xmx1g",
                "-prof", "gc", "-tu", "us", "-v", "EXTRA")), List.of("-Dx=1"));

        assertEquals(2, options.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(50), options.getWarmupTime().get());
        assertEquals(3, options.getMeasurementIterations().get());
        assertEquals(TimeValue.milliseconds(70), options.getMeasurementTime().get());
        assertEquals(2, options.getForkCount().get());
        assertEquals(List.of("-Dx=1", "-Xmx1g"), List.copyOf(options.getJvmArgsAppend().get()));
        assertEquals("gc", options.getProfilers().getFirst().getKlass());
        assertEquals(java.util.concurrent.TimeUnit.MICROSECONDS, options.getTimeUnit().get());
        assertEquals(org.openjdk.jmh.runner.options.VerboseMode.EXTRA, options.verbosity().get());
    }

    @Test
    void refusesOptionsTheRunOwnsOrThatDoNotRun() {
        for (List<String> args : List.of(List.of("-rf", "csv"), List.of("-rff", "x.json"), List.of("-o", "out.txt"),
                List.of("-l"), List.of("-lp"), List.of("-h"), List.of("-f", "many"), List.of("--nonsense"), List.of("(["))) {
            assertThrows(IllegalArgumentException.class, () -> JmhOptions.parseUserArgs(args), args.toString());
        }
    }
}
