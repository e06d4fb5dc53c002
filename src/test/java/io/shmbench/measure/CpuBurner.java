package io.shmbench.measure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Test child: burns CPU on command. Prints {@code ready}; for each line {@code burn <ms>} spins until
 * its main thread's CPU time (ThreadMXBean, nanoseconds, independent of {@link ProcessCpuTime}) has
 * grown by that much and prints {@code burnt <thread cpu ns>}: a lower bound of the process's CPU
 * time. (The JDK's process CPU time comes from times(2), in 10 ms ticks: too coarse to bound anything.)
 * Exits when stdin closes.
 */
public final class CpuBurner {
    private CpuBurner() {
    }

    public static void main(String[] args) throws Exception {
        var thread = ManagementFactory.getThreadMXBean();
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long sink = 0;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("burn ")) {
                long until = thread.getCurrentThreadCpuTime() + Long.parseLong(line.substring(5).trim()) * 1_000_000L;
                while (thread.getCurrentThreadCpuTime() < until) {
                    for (int i = 0; i < 100_000; i++) {
                        sink += i ^ sink;
                    }
                }
                System.out.println("burnt " + thread.getCurrentThreadCpuTime() + " " + (sink & 1));
            }
        }
    }
}
