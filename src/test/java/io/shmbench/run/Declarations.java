package io.shmbench.run;

import org.openjdk.jmh.annotations.Mode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fabricated benchmark declarations, as JMH's list would hold them. */
final class Declarations {
    static final BenchmarkDeclaration Q1_ROUND_TRIP = of("io.shmbench.bench.Q1Transports.roundTrip", Map.of(
            "transport", List.of("shm-ring", "uds", "pipe"), "messageBytes", List.of("64", "2048", "65536")));
    static final BenchmarkDeclaration Q1_ALONE_WRITE = of("io.shmbench.bench.Q1RingSideAlone.write",
            Map.of("messageBytes", List.of("2048", "64")));
    static final BenchmarkDeclaration Q10_FUTURE = of("io.shmbench.bench.Q10Future.run", Map.of());
    static final BenchmarkDeclaration Q5_READ = of("io.shmbench.bench.Q5PayloadLayout.readSnapshot", Map.of(
            "payloadLayout", List.of("AOS", "SOA", "HYBRID"), "servers", List.of("16", "64", "256"), "features", List.of("16")));
    static final List<BenchmarkDeclaration> ALL = List.of(Q5_READ, Q1_ROUND_TRIP, Q10_FUTURE, Q1_ALONE_WRITE);
    /**
     * For the budget's tests, which apply the real profiles' sweeps: Q1's round trip with more sizes
     * than the quick profile measures, as the suite declares it, so quick's sweeps narrow it.
     */
    static final List<BenchmarkDeclaration> FOR_BUDGETS = List.of(Q5_READ, of("io.shmbench.bench.Q1Transports.roundTrip", Map.of(
            "transport", List.of("shm-ring", "uds", "pipe"), "messageBytes", List.of("8", "64", "2048", "2880", "65536"))),
            Q10_FUTURE, Q1_ALONE_WRITE);

    private Declarations() {
    }

    static BenchmarkDeclaration of(String name, Map<String, List<String>> params) {
        return new BenchmarkDeclaration(name, Mode.AverageTime, new TreeMap<>(params));
    }
}
