package io.shmbench.bench;

import io.shmbench.measure.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes this JVM write into a run directory of the test's own ({@code -Dshmbench.run.dir}, as the
 * run command gives its JMH forks), so benchmark code called directly writes its raw files there.
 * Close it to restore the property.
 */
final class RunDirectoryFixture implements AutoCloseable {
    private final RunDirectory run;
    private final String previous;

    RunDirectoryFixture(Path root) {
        this.run = new RunDirectory(root);
        this.previous = System.getProperty(RunDirectory.PROPERTY);
        try {
            Files.createDirectories(run.raw());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(RunDirectory.PROPERTY, run.root().toString());
    }

    Path raw(String fileName) {
        return run.raw().resolve(fileName);
    }

    Path outcomes() {
        return run.outcomes();
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(RunDirectory.PROPERTY);
        } else {
            System.setProperty(RunDirectory.PROPERTY, previous);
        }
    }
}
