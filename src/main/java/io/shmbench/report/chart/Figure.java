package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;

/**
 * One figure of the report: its file stem ({@code q1_latency_roundTrip_64B}), the question it
 * answers, a caption for the index page, the chart, and its size in points.
 */
public record Figure(String id, String question, String caption, JFreeChart chart, int widthPt, int heightPt) {
    public Figure {
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("figure id '" + id + "' is not a safe file name");
        }
    }

    public Figure(String id, String question, String caption, JFreeChart chart) {
        this(id, question, caption, chart, ChartStyle.WIDTH_PT, ChartStyle.HEIGHT_PT);
    }

    /** The same figure with another caption (one that states what the figure's numbers show). */
    public Figure withCaption(String newCaption) {
        return new Figure(id, question, newCaption, chart, widthPt, heightPt);
    }

    public String title() {
        return chart.getTitle() == null ? id : chart.getTitle().getText();
    }

    /** Makes a figure id from free text: letters, digits, dots and dashes kept, the rest becomes '_'. */
    public static String safeId(String text) {
        return text.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("_+$", "");
    }
}
