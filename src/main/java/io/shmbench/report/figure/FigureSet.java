package io.shmbench.report.figure;

import io.shmbench.report.chart.Figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a run and, per question, what was left out and why (no data in this run, or a
 * figure that needs data the run lacks). Notes are shown on the index page; they are not errors.
 */
public final class FigureSet {
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, List<String>> skipped = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    void add(Figure f) {
        figures.add(f);
    }

    void skip(String question, String why) {
        skipped.computeIfAbsent(question, q -> new ArrayList<>()).add(why);
    }

    void error(String message) {
        errors.add(message);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public Map<String, List<String>> skipped() {
        return skipped;
    }

    /** Figures that could not be built (a bug or data the charts cannot show); reported as errors. */
    public List<String> errors() {
        return List.copyOf(errors);
    }
}
