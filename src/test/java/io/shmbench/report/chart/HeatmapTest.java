package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The core-to-core heatmap's colour scale. */
class HeatmapTest {
    private static PaintScaleLegend scaleOf(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend legend) {
                return legend;
            }
        }
        throw new AssertionError("no colour scale");
    }

    @Test
    void aSpreadOfValuesSpansTheScale() {
        JFreeChart chart = Heatmap.create("t", "a", "b", "ns", List.of(new Heatmap.Cell(0, 1, 200), new Heatmap.Cell(0, 2, 600)));

        PaintScaleLegend legend = scaleOf(chart);
        assertEquals(200, legend.getScale().getLowerBound(), 1e-9);
        assertEquals(600, legend.getScale().getUpperBound(), 1e-9);
        assertNotEquals(legend.getScale().getPaint(200), legend.getScale().getPaint(600));
    }

    @Test
    void oneValueSitsInTheMiddleOfAScaleTwentyPercentWide() {
        // A 2-CPU host measures one pair: the scale was 330..331 ns, ticks every 0.1 ns.
        JFreeChart chart = Heatmap.create("t", "a", "b", "ns", List.of(new Heatmap.Cell(0, 1, 330)));

        PaintScaleLegend legend = scaleOf(chart);
        assertEquals(297, legend.getScale().getLowerBound(), 1e-9);
        assertEquals(363, legend.getScale().getUpperBound(), 1e-9);
    }

    @Test
    void nearlyEqualValuesDoNotLookLikeOpposites() {
        assertArrayEquals(new double[]{297, 363}, Heatmap.scaleRange(329, 331), 1e-9);
        assertArrayEquals(new double[]{-0.5, 0.5}, Heatmap.scaleRange(0, 0), 1e-9);
    }
}
