package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.report.Throughput;

import io.shmbench.ring.Padding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Q4, what padding buys: one bar per padding variant (index layout x remote-index caching x slot
 * alignment), throughput with the 99.9% confidence interval as error bars, and latency.
 */
final class Q4Figures {
    static final String Q = "Q4";
    static final String PADDING = "padding";

    private Q4Figures() {
    }

    /** By the ring's padding enum (packed, 64, 128) of the label's first word. */
    private static int rank(String label) {
        String first = label.split(" ")[0];
        for (Padding p : Padding.values()) {
            if (p.name().equals(first)) {
                return p.ordinal();
            }
        }
        return Padding.values().length;
    }

    static void build(ReportTables t, FigureSet out) {
        List<LatencySeries> latency = FigureKit.latency(t, Q);
        List<Throughput> throughput = FigureKit.throughput(t, Q);
        List<SeriesOutcome> failures = FigureKit.failures(t, Q);
        if (latency.isEmpty() && throughput.isEmpty()) {
            out.skip(Q, "no Q4 latency logs or throughput results in this run");
            return;
        }
        List<SeriesName> keys = Stream.concat(latency.stream().map(LatencySeries::key), throughput.stream().map(Throughput::key)).toList();
        List<String> variantParams = new ArrayList<>(Variants.varying(keys));
        variantParams.removeAll(List.of(Variants.TRANSPORT, FigureKit.MESSAGE_BYTES));
        variantParams.remove(PADDING);
        variantParams.addFirst(PADDING); // the index layout leads each label
        CategorySpec spec = new CategorySpec(Q, "padding variant", variantParams, null, List.of(50.0, 99.0),
                Comparator.comparingInt(Q4Figures::rank).thenComparing(SeriesOrder.VALUES), UnaryOperator.identity(),
                Map.of(), "", "");
        CategoryFigures.throughput(throughput, failures, spec, out);
        CategoryFigures.latency(latency, failures, spec, out);
        CategoryFigures.floorMultiples(FigureKit.samePair(t, Q), failures, spec, out);
    }
}
