package io.shmbench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the suite starts a JVM: this JVM's java binary and class path, and the {@link #FLAGS} every
 * process of the suite runs with.
 */
public final class JavaCommand {
    /**
     * The flags of every JVM of the suite: the CLI (see run-bench.sh and the jar manifest's
     * Add-Exports/Add-Opens), child processes, JMH forks and tests (pom.xml's shmbench.jvm.flags).
     * FFM's restricted-method and sun.misc.Unsafe warnings would otherwise reach the user; the
     * reference peers need JDK internals (Agrona 2.6.0: jdk.internal.misc; Chronicle Queue 2026.4:
     * the rest) and Chronicle must not send usage analytics. Agrona runs without its bounds checks, as
     * its users run it for speed (io.shmbench.transport.AgronaTransport; nothing else uses Agrona).
     */
    public static final List<String> FLAGS = List.of(
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true",
            "-Dagrona.disable.bounds.checks=true",
            "-Djava.awt.headless=true");

    private JavaCommand() {
    }

    /** The command line that runs {@code main} with {@code args} in a JVM like this one, given {@code jvmOptions} after the {@link #FLAGS}. */
    public static List<String> of(Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(FLAGS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return command;
    }
}
