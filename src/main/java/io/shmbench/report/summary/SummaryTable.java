package io.shmbench.report.summary;

import java.util.List;

/**
 * A short table of a question's headline numbers, its cells already written for a reader.
 *
 * @param title   what the rows are
 * @param sources the tidy CSV files (names in {@code csv/}) the numbers come from
 */
public record SummaryTable(String title, List<String> sources, List<String> head, List<List<String>> rows) {
    public SummaryTable {
        sources = List.copyOf(sources);
        head = List.copyOf(head);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != head.size()) {
                throw new IllegalArgumentException(title + ": a row of " + r.size() + " cells under " + head.size() + " columns");
            }
        }
    }
}
