package io.shmbench.placement;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link Topology} from a sysfs tree under a root directory. Files the kernel may legitimately
 * leave out get a documented default; files that are present but malformed or contradict each other
 * get a {@link TopologyException} naming them.
 */
final class SysfsTopologyReader {
    private static final Pattern CPU_DIR = Pattern.compile("cpu(\\d+)");
    private static final Pattern NODE_DIR = Pattern.compile("node(\\d+)");
    private static final String ALLOWED_KEY = "Cpus_allowed_list:";

    private final Path root;
    private final Path cpuDir;
    private final Path nodeDir;
    private final Path statusFile;

    SysfsTopologyReader(Path root) {
        this.root = root;
        this.cpuDir = root.resolve("sys/devices/system/cpu");
        this.nodeDir = root.resolve("sys/devices/system/node");
        this.statusFile = root.resolve("proc/self/status");
    }

    Topology read() {
        if (!Files.isDirectory(cpuDir)) {
            throw new TopologyException("no CPU topology at " + cpuDir + ": it is not a directory (is this Linux with /sys mounted?)");
        }
        List<Integer> online = onlineCpus();
        Map<Integer, Core> coreOf = cores(online);
        List<NumaNode> nodes = nodes(online);
        Map<Integer, Integer> nodeOf = nodeOfEachCpu(online, nodes);
        List<Cpu> cpus = online.stream().map(id -> new Cpu(id, nodeOf.get(id), coreOf.get(id))).toList();
        List<Core> cores = List.copyOf(coreOfInCpuOrder(online, coreOf).values());
        return new Topology(cpus, cores, nodes, allowedCpus(online), root);
    }

    /** {@code cpu/online}, or on a tree without it every {@code cpuN} whose own {@code online} is not 0. */
    private List<Integer> onlineCpus() {
        Path onlineFile = cpuDir.resolve("online");
        List<Integer> online;
        if (Files.exists(onlineFile)) {
            online = CpuList.read(onlineFile);
        } else {
            online = new ArrayList<>();
            for (int cpu : numberedEntries(cpuDir, CPU_DIR).keySet()) {
                Path flag = cpuDir.resolve("cpu" + cpu).resolve("online");
                if (!Files.exists(flag) || readInt(flag) != 0) {
                    online.add(cpu);
                }
            }
        }
        if (online.isEmpty()) {
            throw new TopologyException("no online CPUs found: " + onlineFile + " is empty or missing and "
                    + cpuDir + " has no cpuN directories");
        }
        return online;
    }

    /**
     * Groups CPUs into physical cores by their SMT sibling lists ({@code core_cpus_list}, or the older
     * {@code thread_siblings_list}); without either, by {@code (physical_package_id, core_id)}, which is
     * ambiguous on multi-die packages and therefore only the fallback.
     */
    private Map<Integer, Core> cores(List<Integer> online) {
        Set<Integer> isOnline = Set.copyOf(online);
        Map<Integer, Integer> packageOf = new HashMap<>();
        Map<Integer, Integer> coreIdOf = new HashMap<>();
        for (int cpu : online) {
            Path topology = topologyDir(cpu);
            Path packageFile = topology.resolve("physical_package_id");
            Path coreFile = topology.resolve("core_id");
            packageOf.put(cpu, Files.exists(packageFile) ? readInt(packageFile) : 0);
            coreIdOf.put(cpu, Files.exists(coreFile) ? readInt(coreFile) : cpu);
        }
        Map<Integer, List<Integer>> siblingsOf = new HashMap<>();
        Map<Integer, String> siblingsSource = new HashMap<>();
        for (int cpu : online) {
            Optional<Path> file = siblingsFile(cpu);
            List<Integer> siblings;
            if (file.isPresent()) {
                siblings = CpuList.read(file.get()).stream().filter(isOnline::contains).toList();
                if (!siblings.contains(cpu)) {
                    throw new TopologyException(file.get() + " lists CPUs '" + CpuList.format(siblings)
                            + "' (online ones), which do not include cpu" + cpu + " itself");
                }
                siblingsSource.put(cpu, file.get().toString());
            } else {
                siblings = online.stream().filter(other -> packageOf.get(other).equals(packageOf.get(cpu))
                        && coreIdOf.get(other).equals(coreIdOf.get(cpu))).toList();
                siblingsSource.put(cpu, "physical_package_id/core_id of cpu" + cpu);
            }
            siblingsOf.put(cpu, siblings);
        }
        Map<Integer, Core> coreOf = new HashMap<>();
        for (int cpu : online) {
            List<Integer> siblings = siblingsOf.get(cpu);
            for (int sibling : siblings) {
                if (!siblingsOf.get(sibling).equals(siblings)) {
                    throw new TopologyException("inconsistent SMT siblings: " + siblingsSource.get(cpu) + " says '"
                            + CpuList.format(siblings) + "' but " + siblingsSource.get(sibling) + " says '"
                            + CpuList.format(siblingsOf.get(sibling)) + "'");
                }
            }
            int first = siblings.getFirst();
            coreOf.computeIfAbsent(first, f -> new Core(packageOf.get(f), coreIdOf.get(f), siblings));
            coreOf.put(cpu, coreOf.get(first));
        }
        return coreOf;
    }

    private static Map<Integer, Core> coreOfInCpuOrder(List<Integer> online, Map<Integer, Core> coreOf) {
        Map<Integer, Core> byFirstCpu = new TreeMap<>();
        for (int cpu : online) {
            Core core = coreOf.get(cpu);
            byFirstCpu.putIfAbsent(core.cpus().getFirst(), core);
        }
        return byFirstCpu;
    }

    private Optional<Path> siblingsFile(int cpu) {
        for (String name : List.of("core_cpus_list", "thread_siblings_list")) {
            Path file = topologyDir(cpu).resolve(name);
            if (Files.exists(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private Path topologyDir(int cpu) {
        return cpuDir.resolve("cpu" + cpu).resolve("topology");
    }

    /** The {@code nodeN} directories; none (a kernel built without NUMA) means one node with every CPU. */
    private List<NumaNode> nodes(List<Integer> online) {
        Map<Integer, Path> nodeDirs = Files.isDirectory(nodeDir) ? numberedEntries(nodeDir, NODE_DIR) : Map.of();
        if (nodeDirs.isEmpty()) {
            return List.of(new NumaNode(0, online, true));
        }
        Set<Integer> isOnline = Set.copyOf(online);
        Path hasMemoryFile = nodeDir.resolve("has_memory");
        List<Integer> withMemory = Files.exists(hasMemoryFile) ? CpuList.read(hasMemoryFile) : null;
        List<NumaNode> nodes = new ArrayList<>();
        nodeDirs.forEach((id, dir) -> {
            List<Integer> cpus = CpuList.read(dir.resolve("cpulist")).stream().filter(isOnline::contains).toList();
            nodes.add(new NumaNode(id, cpus, withMemory == null || withMemory.contains(id)));
        });
        return nodes;
    }

    private Map<Integer, Integer> nodeOfEachCpu(List<Integer> online, List<NumaNode> nodes) {
        Map<Integer, Integer> nodeOf = new HashMap<>();
        for (NumaNode node : nodes) {
            for (int cpu : node.cpus()) {
                Integer previous = nodeOf.put(cpu, node.id());
                if (previous != null) {
                    throw new TopologyException("CPU " + cpu + " is listed by both " + cpulistFile(previous)
                            + " and " + cpulistFile(node.id()));
                }
            }
        }
        List<Integer> homeless = online.stream().filter(cpu -> !nodeOf.containsKey(cpu)).toList();
        if (!homeless.isEmpty()) {
            throw new TopologyException("online CPUs " + CpuList.format(homeless) + " are in no node's cpulist under "
                    + nodeDir);
        }
        return nodeOf;
    }

    private Path cpulistFile(int node) {
        return nodeDir.resolve("node" + node).resolve("cpulist");
    }

    /**
     * The process's allowed CPUs from {@code Cpus_allowed_list}. The JVM's main thread is not the
     * process's first thread, so this is the mask the process was started with (taskset, cpuset), not
     * whatever a pinned Java thread narrowed its own mask to.
     */
    private List<Integer> allowedCpus(List<Integer> online) {
        if (!Files.exists(statusFile)) {
            return online;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(statusFile);
        } catch (IOException e) {
            throw new TopologyException("cannot read " + statusFile + ": " + e.getMessage(), e);
        }
        String value = lines.stream().filter(l -> l.startsWith(ALLOWED_KEY)).findFirst()
                .map(l -> l.substring(ALLOWED_KEY.length()))
                .orElseThrow(() -> new TopologyException(statusFile + " has no " + ALLOWED_KEY + " line"));
        List<Integer> allowed;
        try {
            allowed = CpuList.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TopologyException("cannot parse " + ALLOWED_KEY + " in " + statusFile + ": " + e.getMessage(), e);
        }
        List<Integer> usable = online.stream().filter(Set.copyOf(allowed)::contains).toList();
        if (usable.isEmpty()) {
            throw new TopologyException("this process may run only on CPUs " + CpuList.format(allowed) + " (" + statusFile
                    + ") but none of them is online (online: " + CpuList.format(online) + ")");
        }
        return usable;
    }

    private static int readInt(Path file) {
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (IOException e) {
            throw new TopologyException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TopologyException("cannot parse " + file + ": '" + text + "' is not an integer", e);
        }
    }

    /** Sub-directories named like {@code cpu3} or {@code node1}, by their number. */
    private static Map<Integer, Path> numberedEntries(Path dir, Pattern name) {
        Map<Integer, Path> entries = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path entry : stream) {
                Matcher m = name.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    entries.put(Integer.parseInt(m.group(1)), entry);
                }
            }
        } catch (IOException e) {
            throw new TopologyException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
