package io.shmbench.shm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A segment name a user chooses, so that programs outside the suite (C, Python, another JVM) can
 * find a segment: the file {@code <segment dir>/<name>}, as {@code shm_open("/<name>")} names it.
 * Unlike a {@link SuiteName} it is guessable on purpose; the segment is still created exclusively
 * and owner-only, and attaching still checks the owner.
 *
 * <p>One path component of letters, digits, {@code .}, {@code _} and {@code -}, at most
 * {@value #MAX_LENGTH} bytes (the longest file name Linux allows), not starting with a dot (so
 * never {@code .} or {@code ..}, nor hidden) nor with a dash (so never mistaken for an option).
 * The same rule is in {@code src/main/c/shmring.h} and {@code src/main/python/shmring.py}.
 */
public record SegmentName(String name) {
    /** NAME_MAX on Linux: the longest file name in a directory. */
    public static final int MAX_LENGTH = 255;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    public SegmentName {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("bad segment name '" + name + "': " + problem);
        }
    }

    /** Why {@code name} is no segment name, or null when it is one. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.indexOf('/') >= 0) {
            return "it contains '/'; a name is one file name in " + SharedSegment.DEFAULT_DIR + ", not a path";
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LENGTH) {
            return "it is " + bytes + " bytes long, at most " + MAX_LENGTH + " are allowed";
        }
        if (!ALLOWED.matcher(name).matches()) {
            return "use letters, digits, '.', '_' and '-', not starting with '.' or '-'";
        }
        return null;
    }

    /** The segment's file in {@code dir}. */
    public Path in(Path dir) {
        return dir.resolve(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
