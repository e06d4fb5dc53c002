package io.shmbench.proofs;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Main class of {@code target/jcstress.jar}: runs jcstress with the given options (the same as
 * jcstress's own {@code Main}: {@code -m quick}, {@code -t regexp}, ...), then prints one line per
 * observed outcome of every test and exits non-zero when a test failed (a FORBIDDEN outcome, an
 * error, a hung or crashed fork) or when no test ran at all, so a build can gate on it.
 * jcstress's own exit status does not cover the last two.
 */
public final class ProofRunner {
    /** Forked test JVMs run from the class path, where the jar's Enable-Native-Access does not reach (JNA). */
    private static final String[] FORK_FLAGS = {"-jvmArgsPrepend", "--enable-native-access=ALL-UNNAMED"};

    private ProofRunner() {
    }

    public static void main(String[] args) throws Exception {
        String[] all = new String[FORK_FLAGS.length + args.length];
        System.arraycopy(FORK_FLAGS, 0, all, 0, FORK_FLAGS.length);
        System.arraycopy(args, 0, all, FORK_FLAGS.length, args.length);
        Options options = new Options(all);
        if (!options.parse()) {
            System.exit(2);
        }
        JCStress jcstress = new JCStress(options);
        if (options.shouldList()) {
            jcstress.getTests().forEach(System.out::println);
            System.exit(0);
        }
        try {
            if (!options.shouldParse()) {
                jcstress.run();
            }
        } catch (AssertionError e) {
            // jcstress throws this after its report when a test failed; the summary below says which.
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // exit, not throw: jcstress's threads could keep the JVM up
        }
        System.exit(summarise(Path.of(options.getResultFile()), System.out) == 0 ? 0 : 1);
    }

    /** Prints every test's outcomes from the result file; returns how many tests failed (or 1 if none ran). */
    static int summarise(Path resultFile, PrintStream out) throws Exception {
        if (!Files.exists(resultFile)) {
            out.println("FAIL no test ran (no " + resultFile.toAbsolutePath() + "): check the -t selector");
            return 1;
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(resultFile.toString(), collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        List<TestResult> results = ReportUtils.mergedByName(collector.getTestResults());
        results.sort(Comparator.comparing(TestResult::getName));
        out.println();
        out.println("Memory-order proofs: observed outcomes (all forks and JVM modes merged)");
        int failed = 0;
        for (TestResult result : results) {
            boolean passed = ReportUtils.statusToPassed(result);
            failed += passed ? 0 : 1;
            out.printf("%-4s %s (%s, %,d samples)%n", passed ? "OK" : "FAIL", result.getName(),
                    result.status(), result.getTotalCount());
            for (GradingResult outcome : result.grading().gradingResults.values()) {
                if (outcome.count > 0) {
                    out.printf("       %-14s %,15d  %-22s %s%n", outcome.id, outcome.count, outcome.expect,
                            outcome.description);
                }
            }
            result.grading().failureMessages.forEach(m -> out.println("       " + m));
        }
        if (results.isEmpty()) {
            out.println("FAIL no test ran: check the -t selector and that the jar carries /META-INF/TestList");
            return 1;
        }
        out.printf("%d of %d proofs passed%n", results.size() - failed, results.size());
        return failed;
    }
}
