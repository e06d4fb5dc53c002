package io.shmbench.env;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentProbeTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-26T10:15:30.123Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Properties jvm(String arch) {
        Properties p = new Properties();
        p.setProperty("java.runtime.version", "25.0.3+9-LTS");
        p.setProperty("java.vendor", "Eclipse Adoptium");
        p.setProperty("java.vendor.version", "Temurin-25.0.3+9");
        p.setProperty("java.vm.name", "OpenJDK 64-Bit Server VM");
        p.setProperty("java.vm.version", "25.0.3+9-LTS");
        p.setProperty("os.arch", arch);
        p.setProperty("os.version", "from-jvm");
        return p;
    }

    /** Two sockets x two cores x two threads, two NUMA nodes, cpufreq "performance", THP always. */
    private void fabricateX86Server() throws IOException {
        StringBuilder cpuinfo = new StringBuilder();
        for (int cpu = 0; cpu < 8; cpu++) {
            int socket = cpu / 4;
            int core = cpu % 2;
            cpuinfo.append("processor\t: ").append(cpu).append('\n')
                    .append("vendor_id\t: GenuineIntel\n")
                    .append("model name\t: Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz\n")
                    .append("physical id\t: ").append(socket).append('\n')
                    .append("core id\t\t: ").append(core).append("\n\n");
            String topology = "sys/devices/system/cpu/cpu" + cpu + "/topology/";
            write(root, topology + "physical_package_id", socket + "\n");
            write(root, topology + "core_id", core + "\n");
            write(root, "sys/devices/system/cpu/cpu" + cpu + "/cpufreq/scaling_governor", "performance\n");
        }
        write(root, "proc/cpuinfo", cpuinfo.toString());
        write(root, "sys/devices/system/cpu/online", "0-7\n");
        write(root, "sys/devices/system/node/node0/cpulist", "0-3\n");
        write(root, "sys/devices/system/node/node1/cpulist", "4-7\n");
        write(root, "sys/devices/system/node/possible", "0-1\n"); // not a node directory
        write(root, "proc/sys/kernel/osrelease", "6.1.0-28-amd64\n");
        write(root, "proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)\n");
        write(root, "proc/sys/kernel/hostname", "bench-host\n");
        write(root, "sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n");
        write(root, "sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never\n");
    }

    @Test
    void readsEveryFieldOfAFabricatedX86Server() throws IOException {
        fabricateX86Server();
        EnvironmentFingerprint f = new EnvironmentProbe(root, jvm("amd64"), () -> "abc123", FIXED).fingerprint();

        assertEquals("shmbench-env/1", f.schema());
        assertEquals("2026-11-26T10:15:30.123Z", f.timestamp());
        assertEquals("bench-host", f.hostname());
        assertEquals(new EnvironmentFingerprint.Cpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "amd64", 8, 4, 2), f.cpu());
        assertEquals(2, f.numaNodes());
        assertEquals(new EnvironmentFingerprint.Kernel("6.1.0-28-amd64",
                "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)"), f.kernel());
        assertEquals(new EnvironmentFingerprint.Jdk("25.0.3+9-LTS", "Eclipse Adoptium (Temurin-25.0.3+9)",
                "OpenJDK 64-Bit Server VM", "25.0.3+9-LTS"), f.jdk());
        assertEquals("performance", f.governor());
        assertEquals(new EnvironmentFingerprint.TransparentHugePages("always", "madvise"), f.transparentHugePages());
        assertEquals("abc123", f.gitCommit());
    }

    @Test
    void offlineCpusAreNotCountedAndDifferentGovernorsAreAllListed() throws IOException {
        fabricateX86Server();
        write(root, "sys/devices/system/cpu/online", "0-3\n");
        write(root, "sys/devices/system/cpu/cpu1/cpufreq/scaling_governor", "powersave\n");

        EnvironmentFingerprint f = new EnvironmentProbe(root, jvm("amd64"), () -> "x", FIXED).fingerprint();

        assertEquals(4, f.cpu().cpus());
        assertEquals(2, f.cpu().cores());
        assertEquals(1, f.cpu().sockets());
        assertEquals("performance,powersave", f.governor());
    }

    /** A VM like this one: no cpufreq, no NUMA directory, no THP files, aarch64 cpuinfo without a model name. */
    @Test
    void reportsWhatAMinimalAarch64GuestLacks() throws IOException {
        write(root, "proc/cpuinfo", """
                processor\t: 0
                BogoMIPS\t: 50.00
                CPU implementer\t: 0x41
                CPU part\t: 0xd0c

                processor\t: 1
                BogoMIPS\t: 50.00
                CPU implementer\t: 0x41
                CPU part\t: 0xd0c
                """);
        write(root, "proc/sys/kernel/osrelease", "6.8.0-aws\n");

        EnvironmentFingerprint f = new EnvironmentProbe(root, jvm("aarch64"), () -> GitCommit.UNKNOWN, FIXED).fingerprint();

        assertEquals("implementer 0x41 part 0xd0c", f.cpu().model());
        assertEquals(2, f.cpu().cpus(), "without sysfs the processors of cpuinfo count");
        assertNull(f.cpu().cores(), "no topology anywhere: unknown, not guessed");
        assertNull(f.cpu().sockets());
        assertEquals(1, f.numaNodes(), "a kernel without NUMA support has one node");
        assertEquals("none", f.governor());
        assertEquals(new EnvironmentFingerprint.TransparentHugePages("unavailable", "unavailable"), f.transparentHugePages());
        assertEquals("6.8.0-aws", f.kernel().release());
        assertNull(f.kernel().version());
        assertEquals("unknown", f.hostname());
        assertEquals("unknown", f.gitCommit());
    }

    @Test
    void fallsBackToCpuinfoTopologyWithoutSysfs() throws IOException {
        write(root, "proc/cpuinfo", """
                processor\t: 0
                model name\t: AMD EPYC
                physical id\t: 0
                core id\t\t: 0

                processor\t: 1
                model name\t: AMD EPYC
                physical id\t: 0
                core id\t\t: 0

                processor\t: 2
                model name\t: AMD EPYC
                physical id\t: 0
                core id\t\t: 1
                """);

        EnvironmentFingerprint.Cpu cpu = new EnvironmentProbe(root, jvm("amd64"), () -> "x", FIXED).fingerprint().cpu();

        assertEquals(new EnvironmentFingerprint.Cpu("AMD EPYC", "amd64", 3, 2, 1), cpu);
    }

    @Test
    void fingerprintsThisHost() {
        EnvironmentFingerprint f = EnvironmentProbe.ofThisHost().fingerprint();

        assertTrue(f.cpu().cpus() >= Runtime.getRuntime().availableProcessors(),
                "online CPUs " + f.cpu().cpus() + " < the JVM's " + Runtime.getRuntime().availableProcessors());
        assertTrue(f.cpu().cores() == null || f.cpu().cores() <= f.cpu().cpus());
        assertTrue(f.numaNodes() >= 1);
        assertEquals(System.getProperty("os.version"), f.kernel().release());
        assertEquals(Runtime.version().toString(), f.jdk().version());
        assertEquals(System.getProperty("java.vm.name"), f.jdk().vm());
        assertTrue(f.gitCommit().matches("[0-9a-f]{40}|unknown"), f.gitCommit());
        assertTrue(!f.governor().isEmpty() && !f.cpu().model().isEmpty());
    }

    @Test
    void serialisesWithTheSchemaTagAndEveryField() throws IOException {
        fabricateX86Server();
        EnvironmentFingerprint f = new EnvironmentProbe(root, jvm("amd64"), () -> "abc", FIXED).fingerprint();

        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(f));

        assertEquals("shmbench-env/1", json.get("schema").asText());
        assertEquals(8, json.at("/cpu/cpus").asInt());
        assertEquals("performance", json.get("governor").asText());
        assertEquals("always", json.at("/transparentHugePages/enabled").asText());
        for (String field : new String[] {"timestamp", "hostname", "cpu", "numaNodes", "kernel", "jdk", "gitCommit"}) {
            assertTrue(json.has(field), field);
        }
    }
}
