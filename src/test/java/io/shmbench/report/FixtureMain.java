package io.shmbench.report;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Writes the standard fixture run under a directory and reports it (for looking at the figures by
 * hand); {@code --same-pair} writes the run with the same-pair floor and rounds instead.
 */
public final class FixtureMain {
    private FixtureMain() {
    }

    public static void main(String[] args) throws Exception {
        FixtureRun f = args.length > 1 && args[1].equals("--same-pair") ? SamePairFixture.standard(Path.of(args[0]))
                : FixtureRun.standard(Path.of(args[0]));
        long t0 = System.nanoTime();
        Reporter.Result r = Reporter.report(RunLayout.of(f.runDir, null), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        System.out.printf("report took %.2f s, exit %d%n", (System.nanoTime() - t0) / 1e9, r.exitCode());
    }
}
