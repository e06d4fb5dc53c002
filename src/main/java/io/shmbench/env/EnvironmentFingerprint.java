package io.shmbench.env;

/**
 * What a result depends on besides the code: the machine, its kernel settings, the JDK and the
 * commit. Written as JSON ({@code ./run-bench.sh env}, and at the top of every run's
 * {@code env.json}); see docs/RESULTS-FORMAT.md. A value this host does not expose is {@code null}.
 *
 * @param schema                 {@link #SCHEMA}: bumped when a field changes meaning
 * @param timestamp              when the fingerprint was taken, ISO-8601 UTC
 * @param hostname               the kernel's host name
 * @param cpu                    processor model and counts
 * @param numaNodes              NUMA nodes the kernel shows (1 on a kernel without NUMA support)
 * @param kernel                 kernel release and build
 * @param jdk                    the JDK running the suite
 * @param governor               cpufreq governor of the online CPUs ("none" without a cpufreq driver;
 *                               several values joined by commas when CPUs differ)
 * @param transparentHugePages   the kernel's THP settings
 * @param gitCommit              {@code git rev-parse HEAD}, or "unknown"
 */
public record EnvironmentFingerprint(String schema, String timestamp, String hostname, Cpu cpu, int numaNodes,
                                     Kernel kernel, Jdk jdk, String governor,
                                     TransparentHugePages transparentHugePages, String gitCommit) {
    public static final String SCHEMA = "shmbench-env/1";

    /**
     * @param model        model name as /proc/cpuinfo gives it
     * @param architecture {@code os.arch}
     * @param cpus         online logical CPUs
     * @param cores        physical cores among them
     * @param sockets      packages among them
     */
    public record Cpu(String model, String architecture, Integer cpus, Integer cores, Integer sockets) {
    }

    public record Kernel(String release, String version) {
    }

    public record Jdk(String version, String vendor, String vm, String vmVersion) {
    }

    /** Each the selected value of the kernel's {@code [bracketed]} choice, or "unavailable". */
    public record TransparentHugePages(String enabled, String defrag) {
    }
}
