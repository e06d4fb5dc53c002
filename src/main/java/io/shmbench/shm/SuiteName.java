package io.shmbench.shm;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of everything the suite creates outside the JVM (segments, FIFO and socket directories,
 * message queues): {@code shmbench-<kind>-<creator pid>-<16 random hex digits>}. The random part
 * makes names unguessable; the creator's pid lets {@code clean} remove only leftovers whose creator
 * is dead, never anybody else's files.
 */
public record SuiteName(String kind, long creatorPid, String random) {
    public static final String PREFIX = "shmbench-";
    private static final Pattern FORMAT = Pattern.compile("shmbench-([a-z0-9]+)-(\\d+)-([0-9a-f]{16})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SuiteName {
        if (!kind.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("kind must be lower-case letters and digits: " + kind);
        }
    }

    /** A fresh name for an object this process creates. */
    public static SuiteName fresh(String kind) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new SuiteName(kind, ProcessHandle.current().pid(), HexFormat.of().formatHex(bytes));
    }

    /** The suite name a file or queue name carries, or empty when it is not one of the suite's. */
    public static Optional<SuiteName> parse(String name) {
        Matcher m = FORMAT.matcher(name.startsWith("/") ? name.substring(1) : name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SuiteName(m.group(1), Long.parseLong(m.group(2)), m.group(3)));
    }

    public boolean creatorAlive() {
        return ProcessHandle.of(creatorPid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String toString() {
        return PREFIX + kind + "-" + creatorPid + "-" + random;
    }
}
