package io.shmbench.measure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Test child: burns CPU on command. Prints {@code ready}; for each line {@code burn <ms>} spins until
 * its own process CPU time (the JDK's OperatingSystemMXBean, independent of {@link ProcessCpuTime})
 * has grown by that much and prints {@code burnt <process cpu ns>}; exits when stdin closes.
 */
public final class CpuBurner {
    private CpuBurner() {
    }

    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long sink = 0;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("burn ")) {
                long until = os.getProcessCpuTime() + Long.parseLong(line.substring(5).trim()) * 1_000_000L;
                while (os.getProcessCpuTime() < until) {
                    for (int i = 0; i < 100_000; i++) {
                        sink += i ^ sink;
                    }
                }
                System.out.println("burnt " + os.getProcessCpuTime() + " " + (sink & 1));
            }
        }
    }
}
