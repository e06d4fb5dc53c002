package io.shmbench.transport;

import io.shmbench.shm.PrivateDirectory;

import java.util.List;

/**
 * System properties Chronicle reads when its classes load; set before the first queue is built
 * (and given on every suite JVM's command line as well, see {@code io.shmbench.process.JavaCommand}).
 */
final class ChronicleSettings {
    static final String BUILD_DIRECTORY = "project.build.directory";
    private static PrivateDirectory buildDirectory;

    private ChronicleSettings() {
    }

    static synchronized void apply() {
        System.setProperty("chronicle.analytics.disable", "true");
        if (System.getProperty(BUILD_DIRECTORY) == null) {
            // Without it Chronicle looks for target/ above the working directory, else makes
            // java.io.tmpdir/target, and creates a tmp/ directory in it. Give it a private one that
            // goes away with this JVM; PeerProcess hands the same one to its peers.
            buildDirectory = PrivateDirectory.create("chroniclebuild");
            System.setProperty(BUILD_DIRECTORY, buildDirectory.path().toString());
            Runtime.getRuntime().addShutdownHook(new Thread(buildDirectory::close, "shmbench-chronicle-cleanup"));
        }
    }

    /** The JVM option that gives a peer this JVM's build directory, if it has one: one per run, not one per peer. */
    static List<String> peerJvmOptions() {
        String directory = System.getProperty(BUILD_DIRECTORY);
        return directory == null ? List.of() : List.of("-D" + BUILD_DIRECTORY + "=" + directory);
    }
}
