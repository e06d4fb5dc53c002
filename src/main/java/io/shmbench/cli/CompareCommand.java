package io.shmbench.cli;

import io.shmbench.compare.Compare;
import io.shmbench.gate.TidyRun;
import io.shmbench.report.BadInputException;
import io.shmbench.report.RunDirectoryCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code run-bench.sh compare results/<A> results/<B> [...]}: several runs (one machine over time,
 * several machines) on one page with figures, tables and environments side by side, and their tidy
 * CSV combined (io.shmbench.compare.Compare). Exit 0 done, 1 a figure could not be drawn, 2 bad
 * input: a folder that is not a run, a missing or corrupt file, a bad option, an --out that cannot
 * be written; nothing is written then.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Puts several runs side by side: figures with a series per run, tables per question with ratios, environments,",
                "and the runs' tidy CSV combined into one table each (every row with its run_id and host).",
                "Exit 0: done; 1: a figure could not be drawn; 2: bad input or option."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "two or more run directories, e.g. results/baseline results/latest")
    List<Path> runDirs;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL", description = "names for the runs in figures and tables, one per run (default: run ids)")
    List<String> labels = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "where the page, figures and combined CSV go (default: plots/compare-<labels>)")
    Path outDir;

    @Override
    public Integer call() {
        for (Path dir : runDirs) {
            RunDirectoryCheck.problem(dir).ifPresent(why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), why);
            });
        }
        if (!labels.isEmpty() && labels.size() != runDirs.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--labels gives " + labels.size()
                    + " names for " + runDirs.size() + " runs; give one per run, in order");
        }
        if (labels.stream().anyMatch(String::isBlank) || new HashSet<>(labels).size() != labels.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--labels " + String.join(",", labels)
                    + ": each run needs its own, non-empty name");
        }
        if (outDir != null) {
            checkCanBeDirectory(outDir, "--out ");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<TidyRun> runs = new ArrayList<>();
        try {
            for (Path dir : runDirs) {
                runs.add(TidyRun.open(dir));
            }
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
        List<String> names = Compare.labels(runs, labels);
        Path dir = outDir != null ? outDir : Compare.defaultOutDir(runs, names);
        checkCanBeDirectory(dir, outDir != null ? "--out " : "");
        try {
            Compare.Result r = Compare.compare(runs, names, dir, out);
            r.errors().forEach(e -> err.println("error: " + e));
            err.flush();
            return r.exitCode();
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            err.println("error: cannot write the comparison into " + dir + ": " + e);
            err.flush();
            return Main.EXIT_USAGE;
        }
    }

    /**
     * Checked before anything is read or written: {@code dir} is a directory or can be made one (its
     * nearest existing ancestor is a directory), else a usage error.
     */
    private void checkCanBeDirectory(Path dir, String option) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + dir + " cannot be created: "
                    + existing + " is a file, not a directory");
        }
    }
}
