package io.shmbench.env;

import io.shmbench.placement.CpuList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the {@link EnvironmentFingerprint} of a host from its {@code /proc} and {@code /sys} (below
 * a root directory, {@code /} on a real host), the JVM's system properties and git.
 */
public final class EnvironmentProbe {
    static final String UNAVAILABLE = "unavailable";
    static final String NO_GOVERNOR = "none";
    private static final Pattern NODE = Pattern.compile("node\\d+");
    private static final Pattern SELECTED = Pattern.compile("\\[([^]]+)]");

    private final SystemFiles files;
    private final Properties jvm;
    private final Supplier<String> gitCommit;
    private final Clock clock;

    public EnvironmentProbe(Path root, Properties jvm, Supplier<String> gitCommit, Clock clock) {
        this.files = new SystemFiles(root);
        this.jvm = jvm;
        this.gitCommit = gitCommit;
        this.clock = clock;
    }

    /** This host and JVM; the commit of the working directory. */
    public static EnvironmentProbe ofThisHost() {
        Path workingDir = Path.of("").toAbsolutePath();
        return new EnvironmentProbe(Path.of("/"), System.getProperties(), () -> GitCommit.of(workingDir),
                Clock.systemUTC());
    }

    public EnvironmentFingerprint fingerprint() {
        List<Map<String, String>> processors = cpuinfoProcessors();
        List<Integer> online = onlineCpus(processors);
        return new EnvironmentFingerprint(
                EnvironmentFingerprint.SCHEMA,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(),
                files.firstLine("proc/sys/kernel/hostname").orElse("unknown"),
                cpu(processors, online),
                numaNodes(),
                new EnvironmentFingerprint.Kernel(
                        files.firstLine("proc/sys/kernel/osrelease").orElse(jvm.getProperty("os.version")),
                        files.firstLine("proc/sys/kernel/version").orElse(null)),
                new EnvironmentFingerprint.Jdk(
                        jvm.getProperty("java.runtime.version", jvm.getProperty("java.version")),
                        vendor(),
                        jvm.getProperty("java.vm.name"),
                        jvm.getProperty("java.vm.version")),
                governor(online),
                new EnvironmentFingerprint.TransparentHugePages(
                        selected("sys/kernel/mm/transparent_hugepage/enabled"),
                        selected("sys/kernel/mm/transparent_hugepage/defrag")),
                gitCommit.get());
    }

    /** /proc/cpuinfo as one key/value map per processor block. */
    private List<Map<String, String>> cpuinfoProcessors() {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new java.util.LinkedHashMap<>();
        for (String line : files.lines("proc/cpuinfo")) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new java.util.LinkedHashMap<>();
                }
            } else if (colon > 0) {
                block.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }

    private List<Integer> onlineCpus(List<Map<String, String>> processors) {
        Optional<String> online = files.firstLine("sys/devices/system/cpu/online");
        if (online.isPresent()) {
            return CpuList.parse(online.get());
        }
        List<Integer> cpus = new ArrayList<>();
        for (Map<String, String> p : processors) {
            if (p.containsKey("processor")) {
                cpus.add(Integer.parseInt(p.get("processor")));
            }
        }
        return cpus;
    }

    private EnvironmentFingerprint.Cpu cpu(List<Map<String, String>> processors, List<Integer> online) {
        Set<String> cores = new TreeSet<>();
        Set<String> sockets = new TreeSet<>();
        for (int cpu : online) {
            String topology = "sys/devices/system/cpu/cpu" + cpu + "/topology/";
            Optional<String> pkg = files.firstLine(topology + "physical_package_id");
            Optional<String> core = files.firstLine(topology + "core_id");
            if (pkg.isPresent() && core.isPresent()) {
                sockets.add(pkg.get());
                cores.add(pkg.get() + "/" + core.get());
            }
        }
        if (cores.isEmpty()) { // no sysfs topology: fall back to cpuinfo's x86 fields
            for (Map<String, String> p : processors) {
                if (p.containsKey("physical id") && p.containsKey("core id")) {
                    sockets.add(p.get("physical id"));
                    cores.add(p.get("physical id") + "/" + p.get("core id"));
                }
            }
        }
        return new EnvironmentFingerprint.Cpu(
                cpuModel(processors),
                jvm.getProperty("os.arch"),
                online.isEmpty() ? null : online.size(),
                cores.isEmpty() ? null : cores.size(),
                sockets.isEmpty() ? null : sockets.size());
    }

    private static String cpuModel(List<Map<String, String>> processors) {
        for (String key : List.of("model name", "Hardware", "Processor", "cpu model")) {
            for (Map<String, String> p : processors) {
                if (p.containsKey(key) && !p.get(key).isEmpty()) {
                    return p.get(key);
                }
            }
        }
        for (Map<String, String> p : processors) { // aarch64 names its cores by implementer and part number
            if (p.containsKey("CPU implementer") && p.containsKey("CPU part")) {
                return "implementer " + p.get("CPU implementer") + " part " + p.get("CPU part");
            }
        }
        return "unknown";
    }

    private int numaNodes() {
        long nodes = files.list("sys/devices/system/node").stream().filter(n -> NODE.matcher(n).matches()).count();
        return (int) Math.max(1, nodes);
    }

    private String governor(List<Integer> online) {
        Set<String> governors = new LinkedHashSet<>();
        for (int cpu : online) {
            files.firstLine("sys/devices/system/cpu/cpu" + cpu + "/cpufreq/scaling_governor").ifPresent(governors::add);
        }
        return governors.isEmpty() ? NO_GOVERNOR : String.join(",", governors);
    }

    private String selected(String relative) {
        return files.firstLine(relative).map(line -> {
            Matcher m = SELECTED.matcher(line);
            return m.find() ? m.group(1) : line;
        }).orElse(UNAVAILABLE);
    }

    private String vendor() {
        String vendor = jvm.getProperty("java.vendor");
        String vendorVersion = jvm.getProperty("java.vendor.version");
        return vendorVersion == null || vendorVersion.isEmpty() ? vendor : vendor + " (" + vendorVersion + ")";
    }
}
