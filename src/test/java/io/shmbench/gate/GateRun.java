package io.shmbench.gate;

import io.shmbench.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The exit code and output of one {@code run-bench.sh} command line, run in this JVM. */
record GateRun(int exit, String out, String err) {
    static GateRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new GateRun(exit, out.toString(), err.toString());
    }

    /** The last non-empty lines of the console output. */
    String lastLines(int n) {
        String[] lines = out.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }
}
