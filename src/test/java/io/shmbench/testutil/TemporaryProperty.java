package io.shmbench.testutil;

/** A system property set for the span of a try block (or a fixture's life), and put back as it was on close. */
public final class TemporaryProperty implements AutoCloseable {
    private final String name;
    private final String previous;

    private TemporaryProperty(String name, String previous) {
        this.name = name;
        this.previous = previous;
    }

    public static TemporaryProperty set(String name, String value) {
        return new TemporaryProperty(name, System.setProperty(name, value));
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, previous);
        }
    }
}
