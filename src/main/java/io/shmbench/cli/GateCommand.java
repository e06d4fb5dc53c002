package io.shmbench.cli;

import io.shmbench.gate.Gate;
import io.shmbench.gate.GateFiles;
import io.shmbench.gate.GateJunitXml;
import io.shmbench.gate.GateMarkdown;
import io.shmbench.gate.GateOptions;
import io.shmbench.gate.GateResult;
import io.shmbench.gate.TidyRun;
import io.shmbench.report.BadInputException;
import io.shmbench.report.Cells;
import io.shmbench.report.RunDirectoryCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code run-bench.sh gate --baseline results/<A> --current results/<B>}: compares a run with a
 * baseline (io.shmbench.gate.Gate) and fails on a regression. Writes gate.md and gate.xml (JUnit)
 * into the current run. Exit 0 no regression, 1 a regression (or, with --strict, a gated metric
 * missing), 2 bad input: a folder that is not a run, a missing or corrupt file, nothing in common,
 * a bad option.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Compares a run with a baseline and fails on a regression; writes gate.md and gate.xml (JUnit) into the current run.",
                "Gated by default: same-pair ratios (multiples of the floor measured by the same two processes).",
                "Exit 0: no regression; 1: a regression (named in the last lines); 2: bad input or option."})
public final class GateCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "RUN_DIR", description = "the run to compare against, e.g. results/baseline")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "RUN_DIR", description = "the run to gate, e.g. results/latest")
    Path current;

    @Option(names = "--tolerance", paramLabel = "PERCENT",
            description = "a regression changes a metric for the worse by more than this and beyond both intervals (default: ${DEFAULT-VALUE})")
    double tolerancePercent = GateOptions.DEFAULT_TOLERANCE_PERCENT;

    @Option(names = "--metrics", paramLabel = "REGEX", description = "gate only metrics whose name (series and metric, as in the table) this finds")
    String metrics;

    @Option(names = "--strict", description = "a gated metric missing from the current run fails the gate")
    boolean strict;

    @Option(names = "--absolute", description = "gate absolute metrics too (times, rates), when both runs' machines match (CPU model, cores, JDK)")
    boolean absolute;

    @Override
    public Integer call() {
        GateOptions options = options();
        for (Path dir : List.of(baseline, current)) {
            RunDirectoryCheck.problem(dir).ifPresent(why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), why);
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GateResult result;
        try {
            result = Gate.compare(TidyRun.open(baseline), TidyRun.open(current), options);
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
        Path markdown = result.current().dir().resolve(GateFiles.MARKDOWN);
        Path xml = result.current().dir().resolve(GateFiles.JUNIT_XML);
        try {
            Files.write(markdown, GateMarkdown.file(result), StandardCharsets.UTF_8);
            GateJunitXml.write(result, xml);
        } catch (IOException e) {
            err.println("error: cannot write the gate's report into " + result.current().dir() + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
        GateMarkdown.console(result).forEach(out::println);
        out.println("Wrote " + markdown + " and " + xml);
        out.flush();
        return result.exitCode();
    }

    private GateOptions options() {
        Optional<Pattern> pattern = Optional.empty();
        if (metrics != null) {
            try {
                pattern = Optional.of(Pattern.compile(metrics));
            } catch (PatternSyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--metrics '" + metrics
                        + "' is not a valid regular expression: " + e.getDescription());
            }
        }
        if (!(tolerancePercent > 0 && tolerancePercent <= GateOptions.MAX_TOLERANCE_PERCENT)) {
            // Quote the value as given: 1e20 or -1 as the user typed them, not as a double prints them.
            CommandLine.Model.OptionSpec given = spec.commandLine().getParseResult().matchedOption("--tolerance");
            String text = given != null ? given.stringValues().getLast() : Double.toString(tolerancePercent);
            throw new CommandLine.ParameterException(spec.commandLine(), "--tolerance '" + text
                    + "': must be a number of percent above 0 and at most " + Cells.number(GateOptions.MAX_TOLERANCE_PERCENT)
                    + ", e.g. 10");
        }
        return new GateOptions(tolerancePercent / 100, pattern, strict, absolute);
    }
}
