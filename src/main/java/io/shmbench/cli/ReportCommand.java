package io.shmbench.cli;

import io.shmbench.report.Reporter;
import io.shmbench.report.RunDirectoryCheck;
import io.shmbench.report.RunLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code run-bench.sh report results/<run-id>}: tidy CSV, figures and index page for one run. Exit
 * 0 when every input was fine, 1 when an input was missing or corrupt (the rest is still reported),
 * 2 for a usage error (no such directory, or a folder that is not a run: nothing is written then).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes results/<run-id>/csv/*.csv, plots/<run-id>/ (PNG, SVG, PDF, index.html) and a summary.",
                "Exit 0: all inputs fine; 1: an input was missing or corrupt (everything else is still reported); 2: usage."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run directory, e.g. results/latest")
    Path runDir;

    @Option(names = "--plots", paramLabel = "DIR", description = "where the figures go (default: plots/<run-id> beside results/)")
    Path plotsDir;

    @Override
    public Integer call() {
        RunDirectoryCheck.problem(runDir).ifPresent(why -> {
            throw new CommandLine.ParameterException(spec.commandLine(), why);
        });
        RunLayout layout;
        try {
            layout = RunLayout.of(runDir, plotsDir);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "run directory " + runDir + ": " + e.getMessage());
        }
        if (plotsDir != null) {
            try {
                // Here rather than after the CSV is written: a --plots that cannot exist is a usage error, not a half report.
                Files.createDirectories(plotsDir);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--plots " + plotsDir
                        + " cannot be created: " + e.getMessage());
            }
        }
        return Reporter.report(layout, spec.commandLine().getOut(), spec.commandLine().getErr()).exitCode();
    }
}
