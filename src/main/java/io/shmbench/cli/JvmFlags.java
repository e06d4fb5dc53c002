package io.shmbench.cli;

import java.util.List;

/**
 * JVM flags every process of the suite runs with: the CLI (see run-bench.sh), peer processes, JMH
 * forks and tests (pom.xml's shmbench.jvm.flags). FFM's restricted-method and sun.misc.Unsafe
 * warnings would otherwise reach the user.
 */
public final class JvmFlags {
    public static final List<String> COMMON = List.of(
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-Djava.awt.headless=true");

    private JvmFlags() {
    }
}
