package io.shmbench.cli;

import io.shmbench.env.EnvironmentProbe;
import io.shmbench.env.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code run-bench.sh env}: this host's environment fingerprint as JSON on standard output. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Print the environment fingerprint (CPU, cores, NUMA nodes, kernel, JDK, governor, "
                + "transparent huge pages, git commit) as JSON.")
public final class EnvCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.MAPPER.writeValueAsString(EnvironmentProbe.ofThisHost().fingerprint()));
        out.flush();
        return 0;
    }
}
