package io.shmbench.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * The Okabe-Ito colour-blind-safe palette (Okabe &amp; Ito, "Color Universal Design", 2008) and its
 * customary neutral grey. Yellow is kept last among the colours: thin lines of it are hard to see on
 * white.
 */
public final class Palette {
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color GREY = new Color(0x999999);

    /** Colours for series that are not transports, in the order they are handed out. */
    public static final List<Color> SEQUENCE = List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE,
            SKY_BLUE, BLACK, GREY, YELLOW);

    /** Text and marks that flag a result as not valid (timed out, corrupt, ...). */
    public static final Color WARNING = VERMILLION;

    private Palette() {
    }

    /** {@code c} mixed with white; {@code amount} 0 keeps it, 1 gives white. */
    public static Color tint(Color c, double amount) {
        return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
    }

    private static int mix(int channel, double amount) {
        return (int) Math.round(channel + (255 - channel) * amount);
    }
}
