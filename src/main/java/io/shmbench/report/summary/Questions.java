package io.shmbench.report.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The questions the suite answers, in order, each with the title pages and the summary give it. */
public final class Questions {
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("Q0", "What does the measuring cost?");
        TITLES.put("Q1", "How fast is each transport?");
        TITLES.put("Q2", "What do memory orders cost?");
        TITLES.put("Q3", "How many slots?");
        TITLES.put("Q4", "What does padding buy?");
        TITLES.put("Q5", "AoS or SoA?");
        TITLES.put("Q6", "Where do the processes sit?");
        TITLES.put("Q7", "What survives faults?");
    }

    /** Q0 .. Q7. */
    public static final List<String> ALL = List.copyOf(TITLES.keySet());

    private Questions() {
    }

    public static String title(String question) {
        return TITLES.getOrDefault(question, question);
    }
}
