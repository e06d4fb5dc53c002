package io.shmbench.bench;

import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.RunDirectory;
import io.shmbench.measure.SeriesName;
import io.shmbench.testutil.TemporaryProperty;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Makes this JVM write into a run directory of the test's own ({@code -Dshmbench.run.dir}, as the
 * run command gives its JMH forks), so benchmark code called directly writes its raw files there.
 * As an extension ({@code @RegisterExtension}) each test gets a fresh directory, removed after it;
 * {@link #at} points at a given directory until closed.
 */
final class RunDirectoryFixture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private RunDirectory run;
    private TemporaryProperty runDirectory;
    private boolean owned;

    /** For {@code @RegisterExtension}. */
    RunDirectoryFixture() {
    }

    static RunDirectoryFixture at(Path root) {
        RunDirectoryFixture fixture = new RunDirectoryFixture();
        fixture.enter(root);
        return fixture;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        enter(Files.createTempDirectory("bench-run-"));
        owned = true;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Path root = run.root();
        close();
        if (owned) {
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void enter(Path root) {
        run = new RunDirectory(root);
        try {
            Files.createDirectories(run.raw());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runDirectory = TemporaryProperty.set(RunDirectory.PROPERTY, run.root().toString());
    }

    Path raw(String fileName) {
        return run.raw().resolve(fileName);
    }

    Path outcomes() {
        return run.outcomes();
    }

    Path blocks(SeriesName series) {
        return run.blocks(series);
    }

    Path floorHlog(SeriesName series) {
        return run.floorHlog(series);
    }

    /**
     * The outcome of a trial of {@code benchmark} ({@code Class.method} of this package) with
     * {@code params} (name, value, name, value, ...), written into this run.
     */
    TrialOutcome outcome(String benchmark, String... params) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return new TrialOutcome(SeriesName.of("io.shmbench.bench." + benchmark, map), Optional.of(new OutcomeLog(outcomes())));
    }

    /** The outcomes written so far, for assertion messages. */
    String outcomesText() {
        try {
            return Files.exists(outcomes()) ? Files.readString(outcomes()) : "(no outcomes)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        runDirectory.close();
    }
}
