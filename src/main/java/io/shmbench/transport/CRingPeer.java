package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.process.CCompiler;
import io.shmbench.shm.PrivateDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * {@code shm-ring-c}'s peer: the C program {@code src/main/c/shmring_peer.c}, built with the system
 * C compiler ({@link CCompiler}) from the sources the jar carries (the build copies src/main/c into
 * it, so this works wherever the jar runs). It is compiled once per JVM and compiler (a fraction of
 * a second to a second or two; a JMH fork does it in its trial set-up, which is not measured) and
 * kept in memory; each peer gets its own copy in a private directory ({@link #install()}), which
 * the parent removes as soon as the program runs, so no file outlives the start.
 */
final class CRingPeer {
    static final String PROGRAM = "shmring_peer";
    /** Where the build puts the C sources in the jar. */
    private static final String RESOURCES = "/io/shmbench/c/";
    /** The program's source and every header it includes. */
    private static final List<String> SOURCES = List.of(PROGRAM + ".c", "shmring.h", "crc32c.h");

    private static byte[] program;
    private static String builtWith;

    private CRingPeer() {
    }

    /** Why the C peer cannot be had on this machine (no C compiler), or empty when it can. */
    static Optional<String> unavailable() {
        for (String source : SOURCES) {
            if (CRingPeer.class.getResource(RESOURCES + source) == null) {
                return Optional.of("the C sources are not in this build (no " + RESOURCES + source + " on the class path)");
            }
        }
        return CCompiler.configured().missing();
    }

    /**
     * A fresh copy of the program, {@link #PROGRAM} in a new private directory; the caller removes
     * the directory (the program may run on without its file).
     *
     * @throws ChannelException when there is no compiler or the program does not compile (with the compiler's output)
     */
    static PrivateDirectory install() {
        byte[] bytes = built();
        PrivateDirectory directory = PrivateDirectory.create("cpeer");
        try {
            Files.write(directory.resolve(PROGRAM), bytes);
            Files.setPosixFilePermissions(directory.resolve(PROGRAM), PosixFilePermissions.fromString("rwx------"));
            return directory;
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw new ChannelException(ShmRingCTransport.NAME + ": cannot install its C peer in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The program's bytes, compiling it first if this JVM has not yet, or did with another compiler. */
    private static synchronized byte[] built() {
        CCompiler compiler = CCompiler.configured();
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            throw new ChannelException(ShmRingCTransport.NAME + ": cannot build its C peer: " + missing.get());
        }
        if (program != null && compiler.command().equals(builtWith)) {
            return program;
        }
        try (PrivateDirectory build = PrivateDirectory.create("cpeer")) {
            for (String source : SOURCES) {
                try (InputStream in = CRingPeer.class.getResourceAsStream(RESOURCES + source)) {
                    Files.copy(in, build.resolve(source));
                }
            }
            Path built = build.resolve(PROGRAM);
            compiler.compile(build.resolve(PROGRAM + ".c"), built);
            program = Files.readAllBytes(built);
            builtWith = compiler.command();
            return program;
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new ChannelException(ShmRingCTransport.NAME + ": cannot build its C peer: " + e.getMessage(), e);
        }
    }
}
