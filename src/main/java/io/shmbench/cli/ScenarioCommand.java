package io.shmbench.cli;

import io.shmbench.interop.PeerPrograms;
import io.shmbench.interop.TelemetryScenario;
import io.shmbench.ring.LapPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code run-bench.sh scenario}: a C writer publishing telemetry snapshots into an OVERWRITE ring
 * and a Python agent reading them, as {@link TelemetryScenario} describes. Exit 0 when both
 * programs ended well and every snapshot was delivered whole or counted missed; 1 otherwise (also
 * when C or Python is missing here); 2 on a usage error.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        header = "A C writer at 5 Hz into an OVERWRITE ring, a Python reader at 4 Hz: each snapshot's age and what it missed.",
        description = "Builds src/main/c into target/c when needed. Compare the loss with the sizing rule "
                + "slots = ceil(W/R): 4 slots at W/R = 1.25 lose nothing, 1 slot loses about 20%%.")
final class ScenarioCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "N", description = "how long the writer writes (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--slots", defaultValue = "4", paramLabel = "N", description = "the ring's slots (default ${DEFAULT-VALUE})")
    int slots;

    @Option(names = "--writer-hz", defaultValue = "5", paramLabel = "HZ", description = "snapshots written per second (default ${DEFAULT-VALUE})")
    double writerHz;

    @Option(names = "--reader-hz", defaultValue = "4", paramLabel = "HZ",
            description = "reader wake-ups per second, each taking every new snapshot (default ${DEFAULT-VALUE})")
    double readerHz;

    @Option(names = "--snapshot-bytes", defaultValue = "2880", paramLabel = "BYTES",
            description = "largest snapshot (default ${DEFAULT-VALUE}, a 2-3 KB telemetry snapshot)")
    int snapshotBytes;

    @Option(names = "--policy", defaultValue = "newest", paramLabel = "POLICY",
            description = "where the reader resumes when lapped: newest or oldest (default ${DEFAULT-VALUE})")
    String policy;

    @Override
    public Integer call() {
        check(seconds >= 1 && seconds <= 86_400, "--seconds", seconds, "1..86400");
        check(slots >= 1 && slots <= 1 << 20, "--slots", slots, "1..1048576");
        check(writerHz > 0 && writerHz <= 100_000, "--writer-hz", writerHz, "a rate above 0 and at most 100000");
        check(readerHz > 0 && readerHz <= 100_000, "--reader-hz", readerHz, "a rate above 0 and at most 100000");
        check(snapshotBytes >= 20 && snapshotBytes <= 1 << 20, "--snapshot-bytes", snapshotBytes, "20..1048576");
        LapPolicy lapPolicy = switch (policy.trim().toLowerCase(Locale.ROOT)) {
            case "newest" -> LapPolicy.NEWEST;
            case "oldest" -> LapPolicy.OLDEST;
            default -> throw new ParameterException(spec.commandLine(), "--policy '" + policy + "' is neither newest nor oldest");
        };
        TelemetryScenario.Settings settings = new TelemetryScenario.Settings(Duration.ofSeconds(seconds), slots, writerHz,
                readerHz, snapshotBytes, lapPolicy);
        TelemetryScenario.Result result = new TelemetryScenario(settings, new PeerPrograms(Path.of("target", "c")),
                spec.commandLine().getOut(), spec.commandLine().getErr()).run();
        return result.ok() ? 0 : 1;
    }

    /** Refuses a value outside its range, quoting it as it was given. */
    private void check(boolean valid, String option, Number value, String range) {
        if (!valid) {
            String given = spec.commandLine().getParseResult().matchedOptionValue(option, null) == null ? value.toString()
                    : String.join(" ", spec.commandLine().getParseResult().matchedOption(option).stringValues());
            throw new ParameterException(spec.commandLine(), option + " '" + given + "' is outside " + range);
        }
    }
}
