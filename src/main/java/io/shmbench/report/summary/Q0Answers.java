package io.shmbench.report.summary;

import io.shmbench.report.LatencySeries;
import io.shmbench.report.OperationTime;
import io.shmbench.report.ReportTables;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Q0, the cost of the measuring itself: what two clock reads and a histogram record add to every
 * recorded latency (Q0RecordingCost's average times), and the recorded distribution of an empty
 * operation, the resolution of every latency figure.
 */
final class Q0Answers {
    static final String Q = "Q0";
    static final String WRAPPER = "timestampsAndRecord";
    static final String CLOCK = "timestampsOnly";
    static final String RECORD = "recordOnly";
    private static final Map<String, String> WHAT = Map.of(
            CLOCK, "two clock reads (System.nanoTime) and a subtraction",
            RECORD, "one histogram record, no clock",
            WRAPPER, "both: the wrapper around every recorded latency");

    private Q0Answers() {
    }

    static QuestionSummary of(ReportTables t) {
        List<OperationTime> times = t.operationTimes().stream().filter(o -> o.key().question().equals(Q)).toList();
        if (times.isEmpty()) {
            return QuestionSummary.notMeasured(Q, "no Q0RecordingCost result in this run");
        }
        List<String> answers = new ArrayList<>();
        Optional<OperationTime> wrapper = method(times, WRAPPER);
        Optional<OperationTime> clock = method(times, CLOCK);
        Optional<OperationTime> record = method(times, RECORD);
        List<String> parts = new ArrayList<>();
        clock.ifPresent(c -> parts.add("the clock reads " + Quantities.time(c.nsPerOp(), c.nsPerOpError())));
        record.ifPresent(r -> parts.add("the histogram record " + Quantities.time(r.nsPerOp(), r.nsPerOpError())));
        String split = parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        if (wrapper.isPresent()) {
            OperationTime w = wrapper.get();
            answers.add("Recording one latency costs " + Quantities.time(w.nsPerOp(), w.nsPerOpError()) + " on average" + split
                    + "; every recorded latency and every average time of a latency benchmark includes it");
        } else {
            answers.add("The full recording wrapper was not measured" + split);
        }
        t.latency().stream().filter(s -> s.key().question().equals(Q) && s.key().method().equals(WRAPPER)).findFirst()
                .ifPresent(s -> answers.add(resolution(s)));
        List<List<String>> rows = times.stream().map(o -> List.of(o.key().method(), WHAT.getOrDefault(o.key().method(), ""),
                Quantities.time(o.nsPerOp(), o.nsPerOpError()))).toList();
        return new QuestionSummary(Q, Questions.title(Q), true, answers,
                List.of(new SummaryTable("Average time per operation, \u00b1 JMH's 99.9% error", List.of(TidyCsvWriter.OPERATION_TIMES),
                        List.of("benchmark", "what it times", "time per operation"), rows)), List.of());
    }

    /** The recorded values of an empty operation: below them no recorded latency means anything. */
    private static String resolution(LatencySeries s) {
        return "An empty operation records as " + Quantities.time(s.at(50)) + " at p50 and " + Quantities.time(s.at(99))
                + " at p99: the resolution of every recorded distribution";
    }

    private static Optional<OperationTime> method(List<OperationTime> times, String method) {
        return times.stream().filter(o -> o.key().method().equals(method)).findFirst();
    }
}
