package io.shmbench.gate;

/**
 * Which way a metric gets better, read from its unit as the tidy CSV names it: a time per
 * operation ({@code _ns}) or a multiple of a time ({@code _x_floor}) is better lower; operations
 * or bytes per second are better higher; counts have no direction (a torn snapshot caught is
 * neither good nor bad for speed) and are never gated.
 */
public enum Direction {
    LOWER_IS_BETTER("lower is better"),
    HIGHER_IS_BETTER("higher is better"),
    NONE("no direction");

    private final String words;

    Direction(String words) {
        this.words = words;
    }

    /** The direction of a column or metric name by its unit suffix. */
    public static Direction ofName(String name) {
        if (name.endsWith("_per_s")) {
            return HIGHER_IS_BETTER;
        }
        if (name.endsWith("_ns") || name.endsWith("_ns_per_msg") || name.contains("_x_floor") || name.endsWith("_fraction")) {
            return LOWER_IS_BETTER;
        }
        return NONE;
    }

    /** Whether a relative change is for the worse. */
    public boolean worse(double change) {
        return switch (this) {
            case LOWER_IS_BETTER -> change > 0;
            case HIGHER_IS_BETTER -> change < 0;
            case NONE -> false;
        };
    }

    public String words() {
        return words;
    }
}
