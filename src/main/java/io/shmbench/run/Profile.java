package io.shmbench.run;

import org.openjdk.jmh.runner.options.TimeValue;

import java.util.List;
import java.util.Locale;

/**
 * How much of the suite a run measures and how long it measures each part, as data.
 *
 * <p>A benchmark's {@code @Param} values declare its full sweep, and the first declared value is
 * its most representative case. {@link #FULL} runs every declared value; {@link #QUICK} runs them
 * too, except where {@link #overrides()} narrows a sweep; {@link #SMOKE} runs only the first
 * declared value of each parameter (unless overridden), so every benchmark runs once. JMH options
 * given after {@code --} ({@code -wi}, {@code -i}, {@code -f}, {@code -p}, ...) win over the profile.
 *
 * <p>Cross-process benchmarks add their narrowed sweeps to {@link #QUICK}'s overrides here.
 */
public enum Profile {
    /**
     * CI: every benchmark once, tiny iterations; the whole suite in at most 5 minutes on 2 cores.
     * Q1's round trip also runs {@code floor}, so the floor multiples (figure and console summary)
     * are exercised too.
     */
    SMOKE(1, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100), 1, ParamDefaults.FIRST_DECLARED,
            ParamOverrides.builder()
                    .set("Q1Transports.roundTrip", "transport", "shm-ring", "floor")
                    .set("Q1Transports.roundTrip", "messageBytes", "64", "0") // 0: floor's only size
                    .build()),
    /**
     * The default: every question at reduced sweeps, at most 15 minutes on 2 cores (each run also
     * pays a fork and usually a peer JVM, a few seconds). Two seconds of warm-up: C2 needs about
     * that long to compile the FFM-heavy loops on a 2-core machine. Five short measurement
     * iterations rather than three longer ones: JMH's 99.9% interval multiplies the iterations'
     * spread by Student's t, 31.6 for 3 iterations and 8.6 for 5, so the same 1.5 s of measuring
     * gives error bars almost five times narrower.
     */
    QUICK(2, TimeValue.seconds(1), 5, TimeValue.milliseconds(300), 1, ParamDefaults.ALL_DECLARED,
            ParamOverrides.builder()
                    .set("Q1RingSideAlone", "messageBytes", "64", "2048")
                    .set("Q1SinkAlone", "messageBytes", "64", "2048") // Q1 throughput's sizes: its ceiling
                    .set("Q1Transports.roundTrip", "messageBytes", "8", "64", "2048", "0") // 8: one line with its header; 0: floor's only size
                    .set("Q1Transports.throughput", "messageBytes", "64", "2048")
                    .set("Q1Transports.fixedRate", "messageBytes", "64")
                    .set("Q1Transports.fixedRate", "transport", "shm-ring", "uds", "pipe", "mq") // one of each mechanism
                    .set("Q1Transports", "ratePerSecond", "10000")
                    .set("Q5PayloadLayout", "servers", "16", "256")
                    .set("Q2MemoryOrders", "messageBytes", "64")
                    .set("Q3Slots", "slots", "1", "4", "5", "64", "4096")
                    .set("Q3Slots.overwriteLoss", "slots", "1", "2", "4", "8", "64")
                    .set("Q4Padding", "messageBytes", "40")
                    .set("Q4Padding.throughput", "messageBytes", "40", "2048") // 2048: the slot release's size (Q4Plan)
                    .set("Q4Padding", "slotRelease", "CLAIM_LARGE", "KEEP", "CLAIM_LINES") // the default and what it picks from
                    .set("Q4Padding.throughput", "padding", "PACKED", "PAD_64", "PAD_128")
                    .set("Q4Padding.throughput", "cacheRemoteIndex", "true", "false")
                    .set("Q4Padding.throughput", "alignSlots", "true")
                    .set("Q4Padding.throughput", "readerPoll", "SLOT_SEQUENCE")
                    .set("Q4Padding.roundTrip", "padding", "PAD_128")
                    .set("Q4Padding.roundTrip", "cacheRemoteIndex", "true")
                    .set("Q5PayloadLayoutCrossProcess", "servers", "16", "256")
                    .set("Q7Faults", "slots", "4")
                    .build()),
    /** Papers, on target hardware: every sweep, enough iterations and forks for error bars. */
    FULL(5, TimeValue.seconds(1), 10, TimeValue.seconds(1), 3, ParamDefaults.ALL_DECLARED, ParamOverrides.NONE);

    /** Which declared values a profile runs when it has no override for a parameter. */
    public enum ParamDefaults {
        ALL_DECLARED,
        FIRST_DECLARED
    }

    private final int warmupIterations;
    private final TimeValue warmupTime;
    private final int measurementIterations;
    private final TimeValue measurementTime;
    private final int forks;
    private final ParamDefaults defaults;
    private final ParamOverrides overrides;

    Profile(int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime, int forks,
            ParamDefaults defaults, ParamOverrides overrides) {
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
        this.forks = forks;
        this.defaults = defaults;
        this.overrides = overrides;
    }

    /** The profile named {@code name} (any case); the message lists the valid names. */
    public static Profile parse(String name) {
        for (Profile profile : values()) {
            if (profile.label().equalsIgnoreCase(name.trim())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; use one of smoke, quick, full");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The values of {@code param} this profile runs for {@code benchmark}, which declares {@code declared}. */
    public List<String> valuesFor(BenchmarkDeclaration benchmark, String param, List<String> declared) {
        return overrides.lookup(benchmark, param)
                .orElse(defaults == ParamDefaults.FIRST_DECLARED ? declared.subList(0, 1) : declared);
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public TimeValue warmupTime() {
        return warmupTime;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public TimeValue measurementTime() {
        return measurementTime;
    }

    public int forks() {
        return forks;
    }

    public ParamOverrides overrides() {
        return overrides;
    }
}
