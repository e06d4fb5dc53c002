package io.shmbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong or was left out while reporting a run. Errors make the report command exit
 * non-zero; notes (a question without data, a series without measurement intervals) do not. The
 * reporter collects them instead of stopping, so every figure that can still be made is made.
 */
public final class Problems {
    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void error(String message) {
        errors.add(message);
    }

    public void error(BadInputException e) {
        error(e.getMessage());
    }

    public synchronized void note(String message) {
        notes.add(message);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized boolean hasErrors() {
        return !errors.isEmpty();
    }
}
