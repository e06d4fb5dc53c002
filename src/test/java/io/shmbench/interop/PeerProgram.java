package io.shmbench.interop;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ring's peer programs outside the JVM: {@code shmring_writer}/{@code shmring_reader} built from
 * src/main/c with the system C compiler into target/interop-c (once per test JVM), and
 * {@code shmring.py write|read} run by python3. A test that needs a language this machine lacks is
 * skipped with a message saying so (a JUnit assumption); a C program that does not compile fails it.
 */
enum PeerProgram {
    C, PYTHON;

    static final Path C_SOURCES = Path.of("src/main/c");
    static final Path PYTHON_MODULE = Path.of("src/main/python/shmring.py");
    private static final Path BUILD = Path.of(System.getProperty("project.build.directory", "target"), "interop-c");
    private static final String COMPILER = System.getenv().getOrDefault("CC", "cc");
    private static final String PYTHON_BINARY = "python3";
    private static Boolean compiled;
    private static Boolean pythonThere;

    /** The command that runs this language's {@code side} ("writer" or "reader") on ring {@code name}. */
    List<String> command(String side, String name, List<String> options) {
        require();
        List<String> command = new ArrayList<>();
        if (this == C) {
            command.add(BUILD.resolve("shmring_" + side).toAbsolutePath().toString());
        } else {
            command.addAll(List.of(PYTHON_BINARY, PYTHON_MODULE.toAbsolutePath().toString(), side.equals("writer") ? "write" : "read"));
        }
        command.add(name);
        command.addAll(options);
        return command;
    }

    /** Skips the calling test when this language cannot run here; builds the C programs the first time. */
    void require() {
        if (this == C) {
            requireC();
        } else {
            requirePython();
        }
    }

    private static synchronized void requireC() {
        if (compiled == null) {
            compiled = runs(List.of(COMPILER, "--version"));
            if (compiled) {
                compile("shmring_writer");
                compile("shmring_reader");
            }
        }
        Assumptions.assumeTrue(compiled, "no C compiler ('" + COMPILER + "', or $CC) on this machine: the C peer tests are skipped");
    }

    private static synchronized void requirePython() {
        if (pythonThere == null) {
            pythonThere = runs(List.of(PYTHON_BINARY, "--version"));
        }
        Assumptions.assumeTrue(pythonThere, "no " + PYTHON_BINARY + " on this machine: the Python peer tests are skipped");
    }

    /** Warnings are errors: the header must stay clean C11 for whoever includes it. */
    private static void compile(String program) {
        try {
            Files.createDirectories(BUILD);
            Path log = BUILD.resolve(program + ".log");
            Process cc = new ProcessBuilder(COMPILER, "-std=c11", "-O2", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
                    "-o", BUILD.resolve(program).toString(), C_SOURCES.resolve(program + ".c").toString(), "-lm")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!cc.waitFor(120, TimeUnit.SECONDS)) {
                cc.destroyForcibly();
                throw new AssertionError(COMPILER + " did not compile " + program + " within 120 s");
            }
            if (cc.exitValue() != 0) {
                throw new AssertionError(COMPILER + " could not compile " + program + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot compile " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
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
}
