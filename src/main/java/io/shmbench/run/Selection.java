package io.shmbench.run;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What {@code --only} selects: a list of questions ({@code Q1,Q3}: benchmark classes whose simple
 * name starts with that question) or else a regular expression found in the full benchmark name
 * ({@code package.Class.method}), as JMH's own include patterns are.
 */
public final class Selection {
    public static final Selection ALL = new Selection(null, List.of(), null);
    private static final Pattern QUESTION_LIST = Pattern.compile("(?i)q\\d+(\\s*,\\s*q\\d+)*");

    private final String spec;
    private final List<String> questions;
    private final Pattern regex;

    private Selection(String spec, List<String> questions, Pattern regex) {
        this.spec = spec;
        this.questions = questions;
        this.regex = regex;
    }

    /** Parses {@code --only}; a pattern that does not compile is an error naming it. */
    public static Selection parse(String spec) {
        String trimmed = spec.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("--only needs questions (Q1,Q3) or a regular expression, got an empty value");
        }
        if (QUESTION_LIST.matcher(trimmed).matches()) {
            List<String> questions = List.of(trimmed.toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
            return new Selection(trimmed, questions, null);
        }
        try {
            return new Selection(trimmed, List.of(), Pattern.compile(trimmed));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--only '" + trimmed + "' is neither a list of questions (Q1,Q3) nor a valid "
                    + "regular expression: " + e.getDescription(), e);
        }
    }

    public boolean matches(BenchmarkDeclaration benchmark) {
        if (spec == null) {
            return true;
        }
        if (regex != null) {
            return regex.matcher(benchmark.name()).find();
        }
        String className = benchmark.className();
        for (String question : questions) {
            if (className.startsWith(question)
                    && (className.length() == question.length() || !Character.isDigit(className.charAt(question.length())))) {
                return true;
            }
        }
        return false;
    }

    /** The text given to {@code --only}, or null when everything is selected. */
    public String spec() {
        return spec;
    }
}
