package io.shmbench.report.summary;

import io.shmbench.report.Environment;
import io.shmbench.report.Problems;
import io.shmbench.report.ReportTables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one run found, question by question (Q0 to Q7): answers computed from its data, each with
 * the short tables they come from, and the questions it did not measure. Written as summary.md,
 * shown at the top of index.html and, shorter, on the console.
 *
 * @param machine  the host and the run's settings in one line, from env.json
 * @param complete false when the run was interrupted
 */
public record RunSummary(String runId, String machine, boolean complete, List<QuestionSummary> questions) {
    /** How the answers decide, for the reader of every summary. */
    public static final String METHOD = "Every answer is computed from this run's data. A contender is named the "
            + "winner only when its interval does not overlap the next one's: the 95% moving-block bootstrap interval for "
            + "multiples of the same-pair floor and for a p50 measured in blocks, JMH's 99.9% confidence interval (with "
            + "rounds, the median's reach to the farthest round) for throughput and time per operation, the rounds' range "
            + "for any other p50. Overlapping intervals are a tie within error; a contender without an interval is "
            + "ranked but not tested. Compare transports by multiples of the floor: absolute times move 15-30% between "
            + "runs on a shared machine.";

    public RunSummary {
        questions = List.copyOf(questions);
    }

    /** Answers every question from the run's tables; a question whose answer fails is reported as a problem, not dropped. */
    public static RunSummary of(String runId, Optional<Environment> env, ReportTables t, Problems problems) {
        Map<String, Function<ReportTables, QuestionSummary>> answerers = new LinkedHashMap<>();
        answerers.put("Q0", Q0Answers::of);
        answerers.put("Q1", Q1Answers::of);
        answerers.put("Q2", x -> RingVariants.MEMORY_ORDERS.summary(x, List.of(), List.of()));
        answerers.put("Q3", Q3Answers::of);
        answerers.put("Q4", x -> RingVariants.PADDING.summary(x, List.of(), List.of()));
        answerers.put("Q5", Q5Answers::of);
        answerers.put("Q6", Q6Answers::of);
        answerers.put("Q7", Q7Answers::of);
        List<QuestionSummary> questions = new ArrayList<>();
        answerers.forEach((q, answer) -> {
            try {
                questions.add(answer.apply(t));
            } catch (RuntimeException e) {
                problems.error("summary of " + q + ": could not be computed: " + e);
                questions.add(new QuestionSummary(q, Questions.title(q), true, List.of(), List.of(),
                        List.of("The summary could not be computed (" + e + "); the figures and CSV files still hold the data")));
            }
        });
        return new RunSummary(runId, machine(env), env.flatMap(Environment::complete).orElse(true), questions);
    }

    public List<QuestionSummary> measured() {
        return questions.stream().filter(QuestionSummary::measured).toList();
    }

    public List<QuestionSummary> notMeasured() {
        return questions.stream().filter(q -> !q.measured()).toList();
    }

    /** "AMD EPYC, 2 CPUs (2 cores, 1 NUMA node), kernel 6.18.44, JDK 25.0.3+9-LTS; profile quick, 10 rounds". */
    static String machine(Optional<Environment> env) {
        if (env.isEmpty()) {
            return "machine unknown (env.json could not be read)";
        }
        Map<String, String> e = env.get().entries();
        List<String> host = new ArrayList<>();
        first(e, "cpu.model").ifPresent(host::add);
        List<String> inner = new ArrayList<>();
        first(e, "cpu.cores").ifPresent(c -> inner.add(c + " cores"));
        first(e, "numaNodes").ifPresent(n -> inner.add(n + (n.equals("1") ? " NUMA node" : " NUMA nodes")));
        String cpus = first(e, "cpu.cpus").map(c -> c + " CPUs").orElse("");
        if (!inner.isEmpty()) {
            cpus = (cpus + " (" + String.join(", ", inner) + ")").trim();
        }
        if (!cpus.isEmpty()) {
            host.add(cpus);
        }
        first(e, "kernel.release", "kernel").ifPresent(k -> host.add("kernel " + k));
        first(e, "jdk.version", "jdk").ifPresent(j -> host.add("JDK " + j));
        List<String> run = new ArrayList<>();
        first(e, "profile").ifPresent(p -> run.add("profile " + p));
        first(e, "rounds").ifPresent(r -> run.add(r + (r.equals("1") ? " round" : " rounds")));
        first(e, "only").filter(o -> !o.isBlank()).ifPresent(o -> run.add("only " + o));
        first(e, "started").ifPresent(s -> run.add("started " + s));
        return String.join(", ", host) + (run.isEmpty() ? "" : "; " + String.join(", ", run));
    }

    private static Optional<String> first(Map<String, String> entries, String... keys) {
        for (String k : keys) {
            String v = entries.get(k);
            if (v != null && !v.isBlank()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
