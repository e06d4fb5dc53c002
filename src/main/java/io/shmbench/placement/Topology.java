package io.shmbench.placement;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The host's CPUs, cores, SMT siblings and NUMA nodes as sysfs describes them, plus the CPUs this
 * process is allowed to run on ({@code Cpus_allowed_list}: taskset, a container's cpuset).
 * Placements only ever choose {@linkplain #usableCpus() usable} CPUs, so the suite never pins to a
 * CPU the container forbids.
 *
 * @param cpus the online CPUs, ascending by id
 * @param cores the physical cores, in the order of their lowest CPU
 * @param nodes the NUMA nodes, ascending by id (one node 0 with every CPU on a kernel without NUMA)
 * @param allowedCpus the online CPUs this process may run on, ascending
 * @param source the root the topology was read from ({@code /} on the real host)
 */
public record Topology(List<Cpu> cpus, List<Core> cores, List<NumaNode> nodes, List<Integer> allowedCpus,
                       Path source) {
    public Topology {
        cpus = List.copyOf(cpus);
        cores = List.copyOf(cores);
        nodes = List.copyOf(nodes);
        allowedCpus = List.copyOf(allowedCpus);
    }

    /** The topology of this host and process: {@code /sys/devices/system} and {@code /proc/self/status}. */
    public static Topology host() {
        return read(Path.of("/"));
    }

    /**
     * Reads {@code <root>/sys/devices/system/cpu}, {@code <root>/sys/devices/system/node} and the
     * {@code Cpus_allowed_list} of {@code <root>/proc/self/status}. Tests point {@code root} at a
     * fabricated tree. A missing node directory means a kernel without NUMA (one node with every CPU);
     * a missing status file means every online CPU is allowed.
     *
     * @throws TopologyException naming the file when something cannot be read or parsed
     */
    public static Topology read(Path root) {
        return new SysfsTopologyReader(root).read();
    }

    public Optional<Cpu> cpu(int id) {
        return cpus.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<NumaNode> node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    public boolean isUsable(int cpu) {
        return allowedCpus.contains(cpu);
    }

    /** The online CPUs this process is allowed to run on, ascending by id. */
    public List<Cpu> usableCpus() {
        return cpus.stream().filter(c -> isUsable(c.id())).toList();
    }

    /** The usable CPUs on one node, ascending by id; empty for a memory-only node. */
    public List<Cpu> usableCpusOn(int node) {
        return usableCpus().stream().filter(c -> c.node() == node).toList();
    }

    /** Whether any core has more than one online hardware thread. */
    public boolean hasSmt() {
        return cores.stream().anyMatch(Core::hasSmt);
    }

    /** The packages (sockets) that have online CPUs. */
    public long packageCount() {
        return cores.stream().mapToInt(Core::packageId).distinct().count();
    }

    /**
     * One line for a run's environment record, e.g. {@code "2 nodes, 2 packages, 16 cores, 32 CPUs,
     * SMT on; usable CPUs 0-31; node0 CPUs 0-7,16-23; node1 CPUs 8-15,24-31"}.
     */
    public String describe() {
        String perNode = nodes.stream()
                .map(n -> "node" + n.id() + (n.cpus().isEmpty() ? " no CPUs" : " CPUs " + CpuList.format(n.cpus()))
                        + (n.hasMemory() ? "" : " no memory"))
                .collect(Collectors.joining("; "));
        return plural(nodes.size(), "node") + ", " + plural(packageCount(), "package") + ", "
                + plural(cores.size(), "core") + ", " + plural(cpus.size(), "CPU") + ", SMT " + (hasSmt() ? "on" : "off")
                + "; usable CPUs " + CpuList.format(allowedCpus) + "; " + perNode;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
