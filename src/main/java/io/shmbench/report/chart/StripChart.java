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

/** Every trial as a dot, per category and series: for a handful of trials a bar would hide the spread. */
public final class StripChart {
    private StripChart() {
    }

    /** {@code values}: series name to (category to the trials' values); categories in {@code categories} order. */
    public static JFreeChart create(String title, String categoryLabel, ValueAxis y, List<String> categories,
                                    Map<String, Map<String, List<Double>>> values) {
        DefaultMultiValueCategoryDataset data = new DefaultMultiValueCategoryDataset();
        ScatterRenderer renderer = new ScatterRenderer();
        int i = 0;
        for (var series : values.entrySet()) {
            for (String c : categories) {
                data.add(series.getValue().getOrDefault(c, List.of()), series.getKey(), c);
            }
            SeriesStyle style = SeriesStyle.byIndex(i);
            renderer.setSeriesPaint(i, style.colour());
            renderer.setSeriesShape(i, style.shape());
            i++;
        }
        renderer.setUseOutlinePaint(false);
        renderer.setUseSeriesOffset(true);
        CategoryAxis x = new CategoryAxis(categoryLabel);
        x.setMaximumCategoryLabelLines(3);
        if (y instanceof NumberAxis n) {
            n.setNumberFormatOverride(new SiFormat());
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        return ChartStyle.chart(title, plot, values.size() > 1);
    }
}
