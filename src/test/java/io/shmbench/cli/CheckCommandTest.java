package io.shmbench.cli;

import io.shmbench.testutil.NoCCompiler;
import io.shmbench.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run-bench.sh check} through {@link Main#execute}, with real peer processes. */
class CheckCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checksTheNamedTransportsAndPrintsOneLineEach() {
        int exit = Main.execute("check", "--transport", "uds,mq,floor", "--size", "65536", "--messages", "300");
        assertEquals(0, exit, out() + err());
        String[] lines = out().strip().split("\n");
        assertEquals(4, lines.length, out());
        assertTrue(lines[1].matches("uds +OK +median round trip +[0-9.]+ us"), lines[1]);
        assertTrue(lines[2].matches("mq +OK +median round trip +[0-9.]+ us +\\(sizes capped at \\d+ bytes: .*msgsize_max.*\\)"), lines[2]);
        assertTrue(lines[3].matches("floor +OK +median round trip +[0-9.]+ us +\\(sizes capped at 0 bytes: .*\\)"), lines[3]);
    }

    @Test
    void spinModeWorksToo() {
        assertEquals(0, Main.execute("check", "--transport", "shm-ring", "--messages", "300", "--wait", "spin"), out() + err());
        assertTrue(out().contains("spin waits"), out());
    }

    /** The C peer's line, and what a machine without a C compiler gets: SKIPPED with the reason, no failure. */
    @Test
    void theCPeerIsCheckedWhereACompilerIsAndSkippedWhereNot() {
        boolean compiler = Transports.byName("shm-ring-c").unavailable().isEmpty();
        assertEquals(0, Main.execute("check", "--transport", "shm-ring-c", "--messages", "300", "--wait", "spin"), out() + err());
        assertTrue(out().contains(compiler ? "OK" : "SKIPPED (no C compiler"), out());
        out.reset();
        try (NoCCompiler none = NoCCompiler.set()) {
            assertEquals(0, Main.execute("check", "--transport", "shm-ring-c,floor", "--messages", "300"), out() + err());
            assertTrue(out().contains("shm-ring-c       SKIPPED (no C compiler on this machine ('" + NoCCompiler.MISSING
                    + "' does not run"), out());
            assertTrue(out().contains("floor            OK"), out());
        }
    }

    @Test
    void anUnknownTransportIsAUsageErrorListingTheValidNames() {
        assertEquals(2, Main.execute("check", "--transport", "carrier-pigeon"));
        assertTrue(err().contains("unknown transport 'carrier-pigeon'"), err());
        for (String name : Transports.names()) {
            assertTrue(err().contains(name), "lists " + name + ": " + err());
        }
    }

    @Test
    void badNumbersAndModesAreUsageErrors() {
        assertEquals(2, Main.execute("check", "--size", "0"));
        assertTrue(err().contains("--size"), err());
        assertEquals(2, Main.execute("check", "--messages", "many"));
        assertEquals(2, Main.execute("check", "--wait", "sometimes"));
        assertTrue(err().contains("unknown wait mode 'sometimes'"), err());
    }
}
