package io.shmbench.interop;

import io.shmbench.process.CCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ring's programs outside the JVM, as commands: {@code shmring_writer} and {@code shmring_reader}
 * built from src/main/c with the system C compiler ({@link CCompiler}) into a build
 * directory, again whenever a source is newer than the program; and {@code python3
 * src/main/python/shmring.py write|read}. Paths are relative to the project directory, where
 * {@code run-bench.sh} and the tests run. Used by {@code run-bench.sh scenario} and by the interop
 * tests, which skip a language this machine lacks.
 */
public final class PeerPrograms {
    public static final Path C_SOURCES = Path.of("src/main/c");
    public static final Path PYTHON_MODULE = Path.of("src/main/python/shmring.py");
    private static final String PYTHON = "python3";

    private final Path build;
    private final CCompiler compiler = CCompiler.configured();

    /** Programs built into {@code build}. */
    public PeerPrograms(Path build) {
        this.build = build;
    }

    /** Why the C programs cannot be had here (no compiler), or empty when they can. */
    public Optional<String> cMissing() {
        if (!Files.isRegularFile(C_SOURCES.resolve("shmring.h"))) {
            return Optional.of("the C sources are not at " + C_SOURCES.toAbsolutePath() + " (run from the project directory)");
        }
        return compiler.missing();
    }

    /** Why python3 and shmring.py cannot be had here, or empty when they can. */
    public Optional<String> pythonMissing() {
        if (!Files.isRegularFile(PYTHON_MODULE)) {
            return Optional.of(PYTHON_MODULE.toAbsolutePath() + " is missing (run from the project directory)");
        }
        return CCompiler.runs(PYTHON, "--version") ? Optional.empty() : Optional.of("no " + PYTHON + " on this machine");
    }

    /**
     * The command running the C {@code side} ("writer" or "reader") on ring {@code name}, building it
     * first when it is missing or older than a source.
     *
     * @throws IllegalStateException when it does not compile (the message has the compiler's output)
     */
    public synchronized List<String> c(String side, String name, List<String> options) {
        Path program = build.resolve("shmring_" + side).toAbsolutePath();
        if (stale(program)) {
            compiler.compile(C_SOURCES.resolve(program.getFileName() + ".c"), program);
        }
        List<String> command = new ArrayList<>(List.of(program.toString(), name));
        command.addAll(options);
        return command;
    }

    /** The command running the Python {@code side} ("writer" or "reader") on ring {@code name}. */
    public List<String> python(String side, String name, List<String> options) {
        List<String> command = new ArrayList<>(List.of(PYTHON, PYTHON_MODULE.toAbsolutePath().toString(),
                side.equals("writer") ? "write" : "read", name));
        command.addAll(options);
        return command;
    }

    private static boolean stale(Path program) {
        if (!Files.isRegularFile(program)) {
            return true;
        }
        try (Stream<Path> sources = Files.list(C_SOURCES)) {
            FileTime built = Files.getLastModifiedTime(program);
            for (Path source : sources.toList()) {
                if (Files.getLastModifiedTime(source).compareTo(built) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
