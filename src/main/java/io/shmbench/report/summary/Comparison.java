package io.shmbench.report.summary;

import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One comparison a question asks for ("round trip at 64 B", "throughput by memory order"): its
 * contenders ranked, written as an answer line and as a row of the question's table.
 */
record Comparison(String subject, Ranking ranking, Ranking.Words words, String focus) {
    static final List<String> HEAD = List.of("compared", "best", "next", "best by", "verdict");

    /** What a table of comparisons holds (lower case), from the CSV files its numbers come from. */
    static String title(Collection<String> sources) {
        List<String> parts = new ArrayList<>();
        if (sources.contains(TidyCsvWriter.FLOOR_MULTIPLES)) {
            parts.add("round trip as p50 \u00f7 same-pair floor (95% interval)");
        }
        if (sources.contains(TidyCsvWriter.LATENCY_SUMMARY)) {
            parts.add("round trip p50 (95% interval of the blocks' median, else the rounds' range)");
        }
        if (sources.contains(TidyCsvWriter.THROUGHPUT)) {
            parts.add("throughput (\u00b1 JMH's 99.9% error)");
        }
        return parts.isEmpty() ? "comparisons" : String.join(" and ", parts);
    }

    /**
     * The answer line; it also names the slowest contender when the sentence does not, and the
     * {@code focus} contender (the suite's ring in Q1) wherever it ranks.
     */
    String sentence() {
        String line = ranking.sentence(subject, words);
        if (ranking.ordered().size() < 2 || ranking.allTied()) {
            return line;
        }
        String worstLabel = ranking.worst().label();
        String focused = focus.isEmpty() || Ranking.named(ranking.worst(), focus) ? "" : ranking.mention(focus, "", words);
        String worst = ranking.mention(worstLabel, words.last() + " ", words);
        return line + focused + worst;
    }

    /** Whether at least two contenders were measured: only then is there a row worth a table. */
    boolean comparesAny() {
        return ranking.ordered().size() > 1;
    }

    /** compared, best, next (the slowest when all tie), best by, verdict. */
    List<String> row() {
        if (ranking.isEmpty()) {
            return List.of(subject, "", "", "", "nothing measured");
        }
        Candidate best = ranking.best();
        if (ranking.ordered().size() == 1) {
            return List.of(subject, best.named(), "", "", "only one measured");
        }
        if (ranking.allTied()) {
            Candidate worst = ranking.worst();
            return List.of(subject, best.named(), worst.named(), Quantities.times(ranking.factor(worst)),
                    "no measurable difference");
        }
        Candidate next = ranking.next().orElseThrow();
        String verdict = !ranking.tested() ? "not tested: no interval"
                : ranking.leaders().size() == 1 ? "differs beyond error"
                : ranking.leaders().size() + " tie within error";
        return List.of(subject, best.named(), next.named(), Quantities.times(ranking.factor(next)), verdict);
    }
}
