package io.shmbench.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads {@code /proc} and {@code /sys} below a root directory, so tests can point the probe at a
 * fabricated tree. A missing file is an ordinary answer ("this kernel does not have it"), not an error.
 */
public final class SystemFiles {
    private final Path root;

    public SystemFiles(Path root) {
        this.root = root;
    }

    /** The file's lines, or an empty list when it does not exist. */
    public List<String> lines(String relative) {
        try {
            return Files.readAllLines(resolve(relative));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(relative) + ": " + e.getMessage(), e);
        }
    }

    /** The file's first line, trimmed, when the file exists and the line is not blank. */
    public Optional<String> firstLine(String relative) {
        return lines(relative).stream().findFirst().map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Names of the directory's entries, sorted; empty when the directory does not exist. */
    public List<String> list(String relative) {
        Path dir = resolve(relative);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path resolve(String relative) {
        return root.resolve(relative);
    }
}
