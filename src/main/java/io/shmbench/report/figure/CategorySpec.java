package io.shmbench.report.figure;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How a question lays out its bar figures: which parameter(s) make the categories, which one (if
 * any) makes the bars within a category, which latency percentiles get a figure, and categories the
 * data lack but the figure must still show (an unavailable placement) with their marks.
 *
 * @param seriesParam null: the bars of a category are its p50 and p99 (latency) or its single
 *                    throughput; else one bar per value of this parameter
 * @param decorate    rewrites a category label (adds a marker to an incorrect-by-design variant)
 * @param extraMarks  category to "mark: detail"; the category shows the mark, a note below the plot the detail
 * @param figureNote  printed below the plot (explains a marker), empty for none
 */
record CategorySpec(String question, String axisLabel, List<String> categoryParams, String seriesParam,
                    List<Double> percentiles, Comparator<String> categoryOrder, UnaryOperator<String> decorate,
                    Map<String, String> extraMarks, String captionNote, String figureNote) {
}
