package io.shmbench.testutil;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input must be explained: asserts on what an exception's message says. */
public final class MessageAssertions {
    private MessageAssertions() {
    }

    /** Fails unless {@code e}'s message contains {@code expected}; shows both when it does not. */
    public static void assertMessageContains(String expected, Throwable e) {
        assertNotNull(e.getMessage(), "no message: " + e);
        assertTrue(e.getMessage().contains(expected),
                "expected the message to contain\n  " + expected + "\nbut it was\n  " + e.getMessage());
    }
}
