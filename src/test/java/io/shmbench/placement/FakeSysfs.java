package io.shmbench.placement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a fabricated {@code sys/devices/system} (and {@code proc/self/status}) tree under a root.
 * Public for the tests of other packages that build on topologies (placement parameters, Q6 rows).
 */
public final class FakeSysfs {
    private final Path root;

    public FakeSysfs(Path root) {
        this.root = root;
        write("sys/devices/system/cpu/possible", "0-1023\n");
    }

    /** 1 node, 2 cores, no SMT: CPUs 0 and 1. */
    public static FakeSysfs oneNodeTwoCores(Path root) {
        return new FakeSysfs(root).online("0-1").cpu(0, 0, 0, "0").cpu(1, 0, 1, "1").node(0, "0-1");
    }

    /**
     * 2 sockets x 8 cores x 2 SMT, numbered as Intel servers do: CPUs 0-7 are the first threads of
     * socket 0's cores, 8-15 of socket 1's, 16-31 their second threads (so CPU 0's sibling is 16).
     */
    public static FakeSysfs twoSocketsEightCoresSmt(Path root) {
        FakeSysfs tree = new FakeSysfs(root).online("0-31");
        for (int cpu = 0; cpu < 32; cpu++) {
            int first = cpu % 16;
            tree.cpu(cpu, first / 8, first % 8, first + "," + (first + 16));
        }
        return tree.node(0, "0-7,16-23").node(1, "8-15,24-31").hasMemory("0-1");
    }

    public FakeSysfs online(String cpus) {
        return write("sys/devices/system/cpu/online", cpus + "\n");
    }

    /** A CPU with both sibling files, as kernels since 5.x write them. */
    public FakeSysfs cpu(int id, int packageId, int coreId, String siblings) {
        String dir = "sys/devices/system/cpu/cpu" + id + "/topology/";
        write(dir + "physical_package_id", packageId + "\n");
        write(dir + "core_id", coreId + "\n");
        write(dir + "thread_siblings_list", siblings + "\n");
        return write(dir + "core_cpus_list", siblings + "\n");
    }

    public FakeSysfs node(int id, String cpus) {
        write("sys/devices/system/node/node" + id + "/cpulist", cpus + "\n");
        return write("sys/devices/system/node/online", "0-" + id + "\n");
    }

    public FakeSysfs hasMemory(String nodes) {
        return write("sys/devices/system/node/has_memory", nodes + "\n");
    }

    /** The process's allowed CPUs, as in {@code /proc/self/status}. */
    public FakeSysfs allowed(String cpus) {
        return write("proc/self/status", "Name:\tjava\nCpus_allowed:\tffffffff\nCpus_allowed_list:\t" + cpus
                + "\nMems_allowed_list:\t0-1\n");
    }

    public FakeSysfs write(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakeSysfs delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path root() {
        return root;
    }

    public Topology read() {
        return Topology.read(root);
    }
}
