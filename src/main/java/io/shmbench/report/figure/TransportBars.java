package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.report.chart.BarChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Horizontal bars with one category per series, named by the parameters that tell the series apart
 * (transport, wait strategy) and drawn in the transport's colour; a configuration without a valid
 * result stays as a category with its mark, and one whose trial stopped early gets no bar.
 */
final class TransportBars {
    private TransportBars() {
    }

    /**
     * Adds a category per row, in the order of {@code rows}, then one per failure not among them.
     *
     * @param add    adds the bars of a row to its category
     * @return the colour of each category's transport
     */
    static <T> Map<String, Color> fill(BarChart bars, List<T> rows, Function<T, SeriesName> key, List<String> vary,
                                       List<SeriesOutcome> failures, BiConsumer<T, String> add) {
        var styles = Variants.styles(rows.stream().map(key).toList());
        Map<String, Color> colours = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (T row : rows) {
            String c = Variants.label(key.apply(row), vary);
            categories.add(c);
            colours.put(c, styles.get(key.apply(row)).colour());
            if (!SeriesOutcome.stoppedTrial(failures, key.apply(row))) { // else the category's mark stands in for its numbers
                add.accept(row, c);
            }
        }
        for (SeriesOutcome o : failures) {
            String c = Variants.label(o.key(), vary);
            if (!categories.contains(c)) {
                categories.add(c);
            }
            bars.mark(c, o.mark());
        }
        bars.categories(categories).horizontal();
        return colours;
    }
}
