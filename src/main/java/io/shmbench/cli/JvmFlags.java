package io.shmbench.cli;

import java.util.List;

/**
 * JVM flags every process of the suite runs with: the CLI (see run-bench.sh and the jar manifest's
 * Add-Exports/Add-Opens), peer processes, JMH forks and tests (pom.xml's shmbench.jvm.flags).
 * FFM's restricted-method and sun.misc.Unsafe warnings would otherwise reach the user; the
 * reference peers need JDK internals (Agrona 2.6.0: jdk.internal.misc; Chronicle Queue 2026.4: the
 * rest) and Chronicle must not send usage analytics.
 */
public final class JvmFlags {
    public static final List<String> COMMON = List.of(
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true",
            "-Djava.awt.headless=true");

    private JvmFlags() {
    }
}
