package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;

import java.util.List;
import java.util.Map;

/**
 * Every trial as a dot, per category and series: for a handful of trials a bar would hide the spread.
 * A legend only when there are several series; the value axis names a lone one.
 */
public final class StripChart {
    private StripChart() {
    }

    /** {@code values}: series name to (category to the trials' values); categories in {@code categories} order. */
    public static JFreeChart create(String title, String categoryLabel, ValueAxis y, List<String> categories,
                                    Map<String, Map<String, List<Double>>> values) {
        DefaultMultiValueCategoryDataset data = new DefaultMultiValueCategoryDataset();
        ScatterRenderer renderer = new ScatterRenderer();
        for (var series : values.entrySet()) {
            for (String c : categories) {
                data.add(series.getValue().getOrDefault(c, List.of()), series.getKey(), c);
            }
        }
        renderer.setUseOutlinePaint(false);
        renderer.setUseSeriesOffset(true);
        CategoryAxis x = new CategoryAxis(categoryLabel);
        x.setMaximumCategoryLabelLines(3);
        if (y instanceof NumberAxis n) {
            n.setNumberFormatOverride(new SiFormat());
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        JFreeChart chart = ChartStyle.chart(title, plot, values.size() > 1);
        for (int s = 0; s < values.size(); s++) { // after the theme, which resets series colours
            renderer.setSeriesPaint(s, SeriesStyle.byIndex(s).colour());
            renderer.setSeriesShape(s, SeriesStyle.byIndex(s).shape());
        }
        return chart;
    }
}
