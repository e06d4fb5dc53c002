package io.shmbench.interop;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A peer language of the interop tests: C ({@code shmring_writer}/{@code shmring_reader}, built
 * by {@link PeerPrograms} into target/interop-c) or Python ({@code shmring.py}). A test that needs
 * a language this machine lacks is skipped with a message saying so (a JUnit assumption); a C
 * program that does not compile fails it.
 */
enum PeerProgram {
    C, PYTHON;

    static final Path C_SOURCES = PeerPrograms.C_SOURCES;
    static final Path PYTHON_MODULE = PeerPrograms.PYTHON_MODULE;
    private static final PeerPrograms PROGRAMS =
            new PeerPrograms(Path.of(System.getProperty("project.build.directory", "target"), "interop-c"));
    private static Optional<String> cMissing;
    private static Optional<String> pythonMissing;

    /** The command that runs this language's {@code side} ("writer" or "reader") on ring {@code name}. */
    List<String> command(String side, String name, List<String> options) {
        require();
        return this == C ? PROGRAMS.c(side, name, options) : PROGRAMS.python(side, name, options);
    }

    /** Skips the calling test when this language cannot run here. */
    void require() {
        Optional<String> missing = missing(this);
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.orElseThrow() + ": the " + this + " peer tests are skipped");
    }

    private static synchronized Optional<String> missing(PeerProgram language) {
        if (language == C) {
            if (cMissing == null) {
                cMissing = PROGRAMS.cMissing();
            }
            return cMissing;
        }
        if (pythonMissing == null) {
            pythonMissing = PROGRAMS.pythonMissing();
        }
        return pythonMissing;
    }
}
