package io.shmbench.report.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Contenders ordered best first, and what the run can say about them: a winner only when its
 * interval does not overlap the next one's (the difference exceeds the errors), a tie within error
 * when it does, and no verdict at all when a contender has no interval to test against.
 */
final class Ranking {
    enum Better {
        LOWER, HIGHER
    }

    /**
     * The words of one kind of comparison.
     *
     * @param best   what the first is ("fastest")
     * @param ahead  how it stands to another, after the factor ("1.90x faster than")
     * @param behind how another stands to it, after the factor ("1.90x slower")
     * @param last   what the last is ("slowest")
     */
    record Words(String best, String ahead, String behind, String last) {
        static final Words FASTEST = new Words("fastest", "faster than", "slower", "slowest");
        static final Words CHEAPEST = new Words("cheapest", "less than", "more", "dearest");
        static final Words HIGHEST_RATE = new Words("highest", "the rate of", "lower", "lowest");
    }

    /** More contenders than this are not all named in a tie. */
    private static final int NAME_UP_TO = 4;

    private final List<Candidate> ordered;
    private final Better better;

    private Ranking(List<Candidate> ordered, Better better) {
        this.ordered = ordered;
        this.better = better;
    }

    /** The contenders with a value, best first. */
    static Ranking of(Collection<Candidate> candidates, Better better) {
        Comparator<Candidate> byValue = Comparator.comparingDouble(Candidate::value);
        return new Ranking(candidates.stream().filter(c -> !Double.isNaN(c.value()))
                .sorted(better == Better.LOWER ? byValue : byValue.reversed()).toList(), better);
    }

    List<Candidate> ordered() {
        return ordered;
    }

    boolean isEmpty() {
        return ordered.isEmpty();
    }

    Candidate best() {
        return ordered.getFirst();
    }

    Candidate worst() {
        return ordered.getLast();
    }

    /** Whether every contender has an interval, so overlaps can be tested. */
    boolean tested() {
        return ordered.stream().allMatch(c -> c.interval().isKnown());
    }

    /** The best and every contender whose interval overlaps the best's: those the run cannot tell from it. */
    List<Candidate> leaders() {
        if (!tested()) {
            return List.of(best());
        }
        return ordered.stream().filter(c -> c.interval().overlaps(best().interval())).toList();
    }

    /** Whether no contender differs measurably from the best. */
    boolean allTied() {
        return ordered.size() > 1 && tested() && leaders().size() == ordered.size();
    }

    /** The best contender outside the leaders. */
    Optional<Candidate> next() {
        List<Candidate> leaders = leaders();
        return ordered.stream().filter(c -> !leaders.contains(c)).findFirst();
    }

    /** How many times better the best is than {@code other} (1.90 for 190 ns against 100 ns). */
    double factor(Candidate other) {
        return better == Better.LOWER ? other.value() / best().value() : best().value() / other.value();
    }

    /**
     * One line: {@code subject: the winner, by how much against the next}; or the contenders that tie
     * within error and the next one; or {@code no measurable difference} when all tie; or, without
     * intervals, the order with the note that it is not tested against error.
     */
    String sentence(String subject, Words words) {
        if (ordered.isEmpty()) {
            return subject + ": nothing measured";
        }
        Candidate best = best();
        if (ordered.size() == 1) {
            return subject + ": only " + best.named() + " measured";
        }
        if (allTied()) {
            String who = ordered.size() <= NAME_UP_TO
                    ? "between " + and(ordered.stream().map(Candidate::named).toList())
                    : "among the " + ordered.size() + ", from " + best.named() + " to " + worst().named();
            return subject + ": no measurable difference " + who + "; the intervals overlap";
        }
        List<Candidate> leaders = leaders();
        Candidate next = next().orElseThrow();
        if (!tested()) {
            return subject + ": " + best.label() + " " + words.best() + ", " + best.shown() + ", " + times(next) + " "
                    + words.ahead() + " " + next.named() + "; not tested against error (no interval in this run)";
        }
        if (leaders.size() == 1) {
            return subject + ": " + best.label() + " " + words.best() + ", " + best.shown() + ", " + times(next) + " "
                    + words.ahead() + " " + next.named();
        }
        String tied = leaders.size() <= NAME_UP_TO ? and(leaders.stream().map(Candidate::named).toList())
                : leaders.size() + " from " + best.named() + " to " + leaders.getLast().named();
        return subject + ": " + tied + " tie within error; next " + next.named() + ", " + times(next) + " " + words.behind()
                + " than " + best.label();
    }

    /**
     * {@code "; <prefix>shm-ring at 2.20x floor [..], 1.90x slower"} when a contender named {@code label}
     * (or {@code label (...)}) is neither one of the leaders nor the next one, which the sentence names;
     * empty otherwise.
     */
    String mention(String label, String prefix, Words words) {
        if (ordered.size() < 2) {
            return "";
        }
        List<Candidate> inSentence = new ArrayList<>(leaders());
        next().ifPresent(inSentence::add);
        return ordered.stream().filter(c -> named(c, label) && !inSentence.contains(c)).findFirst()
                .map(c -> "; " + prefix + c.named() + ", " + times(c) + " " + words.behind()).orElse("");
    }

    /** Whether the contender is {@code label}, qualified or not ({@code shm-ring (spin)} is {@code shm-ring}). */
    static boolean named(Candidate c, String label) {
        return c.label().equals(label) || c.label().startsWith(label + " (");
    }

    private String times(Candidate other) {
        return Quantities.times(factor(other));
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + items.getLast();
    }
}
