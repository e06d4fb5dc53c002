package io.shmbench.cli;

import io.shmbench.soak.Soak;
import io.shmbench.soak.SoakSettings;
import io.shmbench.soak.SoakSummary;
import io.shmbench.soak.SoakTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code run-bench.sh soak}: streams checksummed messages through every transport and through the
 * ring in both modes with writer kills, for a while ({@link Soak}). Exit 0 when nothing was corrupt
 * or went missing unreported and nothing failed, 1 otherwise, 2 on a usage error.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Stream checksummed messages through every transport and the ring (BLOCKING and OVERWRITE, writer killed "
                + "with SIGKILL at random moments), time-sliced; print sent, received, missed, corrupt, unreported and kills per target.",
                "Exit 0: no corrupt or unreported message and no failure; 1: otherwise; 2: usage."})
public final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "10", paramLabel = "N", converter = MinutesConverter.class,
            description = "how long the whole soak runs; fractions allowed (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--transport", defaultValue = SoakTargets.ALL, paramLabel = "NAME",
            description = "all (default), ring (both ring modes), or a comma-separated list of: ${COMPLETION-CANDIDATES}",
            completionCandidates = TargetNames.class)
    String transport;

    @Option(names = "--kill-every", defaultValue = "1", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "mean time between ring writer kills: each writer is killed at a random moment 0..2 x SECONDS "
                    + "after its first message (default ${DEFAULT-VALUE})")
    Duration killEvery;

    @Option(names = "--size", defaultValue = "4096", paramLabel = "BYTES",
            description = "largest message; lengths vary from 20 up to it, capped at a transport's limit (default ${DEFAULT-VALUE})")
    int size;

    /** The valid names, for the option's help. */
    static final class TargetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SoakTargets.names().iterator();
        }
    }

    @Override
    public Integer call() {
        Soak soak;
        try {
            SoakSettings settings = new SoakSettings(duration, killEvery, size);
            soak = new Soak(transport, settings, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SoakSummary summary = soak.run();
        return summary.failed() ? 1 : 0;
    }

    /** A positive, finite number of minutes (fractions allowed) as a duration; the error quotes the text given. */
    static final class MinutesConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return positive(value, 60);
        }
    }

    /** Like {@link MinutesConverter}, in seconds. */
    static final class SecondsConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return positive(value, 1);
        }
    }

    private static Duration positive(String text, int secondsPerUnit) {
        double seconds;
        try {
            seconds = Double.parseDouble(text.strip()) * secondsPerUnit;
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!Double.isFinite(seconds) || seconds <= 0 || seconds > SoakSettings.MAX_DURATION.toSeconds()) {
            throw new TypeConversionException("'" + text + "' is not a positive number of at most "
                    + SoakSettings.MAX_DURATION.toDays() + " days");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
