package io.shmbench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The system C compiler the suite builds its C programs with (the ring's C side, src/main/c): the
 * system property {@value #PROPERTY} when set, else {@code $CC}, else {@code cc}. The property
 * exists so that a test can point the lookup at a path that does not exist and see what a machine
 * without a compiler gets; {@code $CC} is what a user sets.
 */
public final class CCompiler {
    /** The system property that names the compiler, before {@code $CC}. */
    public static final String PROPERTY = "shmbench.cc";
    private static final long TIMEOUT_SECONDS = 120;
    /** Whether each compiler command runs, asked once per JVM: a benchmark plan asks for every combination. */
    private static final Map<String, Optional<String>> MISSING = new ConcurrentHashMap<>();

    private final String command;

    private CCompiler(String command) {
        this.command = command;
    }

    /** The compiler the property, {@code $CC} or the default name. */
    public static CCompiler configured() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new CCompiler(property);
        }
        return new CCompiler(System.getenv().getOrDefault("CC", "cc"));
    }

    public String command() {
        return command;
    }

    /** Why this machine has no such compiler ("no C compiler ..."), or empty when {@code <command> --version} runs. */
    public Optional<String> missing() {
        return MISSING.computeIfAbsent(command, c -> runs(c, "--version") ? Optional.empty()
                : Optional.of("no C compiler on this machine ('" + c + "' does not run; set $CC to one)"));
    }

    /**
     * Compiles {@code source} as C11 with every warning an error (the ring's header must stay clean
     * C11 for whoever includes it) into {@code program}, through a partial file renamed into place,
     * so that no one ever runs a half-written program. The headers it includes are looked up beside it.
     *
     * @throws IllegalStateException when it does not compile (the message has the compiler's output)
     *                               or takes longer than two minutes
     */
    public void compile(Path source, Path program) {
        String name = program.getFileName().toString();
        Path dir = program.toAbsolutePath().getParent();
        Path log = dir.resolve(name + ".log");
        Path partial = dir.resolve(name + ".partial");
        try {
            Files.createDirectories(dir);
            Process cc = new ProcessBuilder(command, "-std=c11", "-O2", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
                    "-o", partial.toString(), source.toString(), "-lm")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!cc.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                cc.destroyForcibly();
                throw new IllegalStateException(command + " did not compile " + source + " within " + TIMEOUT_SECONDS + " s");
            }
            if (cc.exitValue() != 0) {
                throw new IllegalStateException(command + " could not compile " + source + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Files.move(partial, program, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot compile " + source + " with " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted compiling " + source, e);
        }
    }

    /** Whether {@code command} runs and exits 0, within the timeout. */
    public static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return command;
    }
}
