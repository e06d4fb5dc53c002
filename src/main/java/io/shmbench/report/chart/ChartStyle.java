package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;

/**
 * The look of every figure: sized for one printed column (3.5 in = 252 pt wide) with fonts that are
 * still legible there, white background, light grid, legend below. Fonts are named explicitly
 * (DejaVu Sans): JFreeChart's default theme asks for Tahoma, which Linux lacks, and Java would
 * silently substitute whatever "Dialog" maps to.
 */
public final class ChartStyle {
    public static final String PREFERRED_FONT = "DejaVu Sans";
    /** One printed column: 3.5 in at 72 pt per inch. */
    public static final int WIDTH_PT = 252;
    public static final int HEIGHT_PT = 200;
    /** PNGs are drawn at this multiple of the point size (216 dpi at 3.5 in), sharp on screens. */
    public static final int PNG_SCALE = 3;

    public static final String FONT_FAMILY = fontFamily();
    public static final Font TITLE = new Font(FONT_FAMILY, Font.BOLD, 9);
    public static final Font AXIS_LABEL = new Font(FONT_FAMILY, Font.PLAIN, 8);
    public static final Font TICK_LABEL = new Font(FONT_FAMILY, Font.PLAIN, 7);
    public static final Font LEGEND = new Font(FONT_FAMILY, Font.PLAIN, 7);
    public static final Font NOTE = new Font(FONT_FAMILY, Font.PLAIN, 6);
    public static final Font MARK = new Font(FONT_FAMILY, Font.BOLD, 7);

    /** Space between the plot and the chart's right edge: the padding and the plot's inset. */
    private static final int PADDING_RIGHT = 6;
    private static final int PLOT_INSET = 2;
    /** How far a tick label may reach beyond the right end of the plot and still be seen whole. */
    static final double ROOM_RIGHT_OF_PLOT = PADDING_RIGHT + PLOT_INSET;

    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color AXIS = new Color(0x444444);

    static {
        // JFreeChart draws rotated text (vertical axis labels) as glyph outlines by default, a
        // workaround for a JDK 1.3 bug; in SVG and PDF that turns the text into paths. Draw it as text.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartStyle() {
    }

    /** True when DejaVu Sans is installed; otherwise the figures fall back to the logical SansSerif font. */
    public static boolean hasPreferredFont() {
        return PREFERRED_FONT.equals(FONT_FAMILY);
    }

    private static String fontFamily() {
        boolean installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames()).contains(PREFERRED_FONT);
        return installed ? PREFERRED_FONT : Font.SANS_SERIF;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("shmbench");
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(AXIS_LABEL);
        theme.setRegularFont(TICK_LABEL);
        theme.setSmallFont(NOTE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(AXIS);
        theme.setShadowVisible(false);
        theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return theme;
    }

    /** Builds a chart around {@code plot} in this style, with a legend below when asked for. */
    public static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        theme().apply(chart);
        chart.setPadding(new RectangleInsets(4, 4, 4, PADDING_RIGHT));
        chart.setTextAntiAlias(true);
        chart.setAntiAlias(true);
        TextTitle t = chart.getTitle();
        t.setFont(TITLE);
        t.setPadding(new RectangleInsets(0, 0, 3, 0));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemFont(LEGEND);
            l.setFrame(BlockBorder.NONE);
            l.setItemLabelPadding(new RectangleInsets(1, 2, 1, 4));
            l.setPadding(new RectangleInsets(2, 0, 0, 0));
        }
        plot.setOutlinePaint(AXIS);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setInsets(new RectangleInsets(PLOT_INSET, PLOT_INSET, PLOT_INSET, PLOT_INSET));
        if (plot instanceof XYPlot xy) {
            styleAxis(xy.getDomainAxis());
            styleAxis(xy.getRangeAxis());
            xy.setDomainGridlineStroke(new BasicStroke(0.4f));
            xy.setRangeGridlineStroke(new BasicStroke(0.4f));
        } else if (plot instanceof CategoryPlot cp) {
            styleAxis(cp.getDomainAxis());
            styleAxis(cp.getRangeAxis());
            cp.setRangeGridlineStroke(new BasicStroke(0.4f));
        }
        return chart;
    }

    private static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
        axis.setAxisLineStroke(new BasicStroke(0.5f));
        axis.setTickMarkStroke(new BasicStroke(0.5f));
        axis.setLabelInsets(new RectangleInsets(1, 1, 1, 1));
    }

    /** Adds a small note below the plot (what is marked, what is missing); wraps to the chart width. */
    public static void addNote(JFreeChart chart, String text, Color colour) {
        TextTitle note = new TextTitle(text, NOTE);
        note.setPaint(colour);
        note.setPosition(RectangleEdge.BOTTOM);
        note.setHorizontalAlignment(HorizontalAlignment.LEFT);
        note.setTextAlignment(HorizontalAlignment.LEFT);
        note.setPadding(new RectangleInsets(1, 0, 0, 0));
        chart.addSubtitle(0, note); // first bottom subtitle = the very bottom, below the legend
    }
}
