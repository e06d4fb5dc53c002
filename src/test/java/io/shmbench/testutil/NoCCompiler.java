package io.shmbench.testutil;

import io.shmbench.process.CCompiler;

/**
 * For the span of a try block, the C compiler lookup ({@link CCompiler}) points at a path that
 * does not exist: what a machine without a C compiler gets. Restores the previous setting on close.
 */
public final class NoCCompiler implements AutoCloseable {
    /** The compiler command while one is in force. */
    public static final String MISSING = "/nonexistent/shmbench-cc";

    private final TemporaryProperty property = TemporaryProperty.set(CCompiler.PROPERTY, MISSING);

    private NoCCompiler() {
    }

    public static NoCCompiler set() {
        return new NoCCompiler();
    }

    @Override
    public void close() {
        property.close();
    }
}
