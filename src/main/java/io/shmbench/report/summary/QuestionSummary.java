package io.shmbench.report.summary;

import java.util.List;

/**
 * What one run says about one question: one-line answers computed from its data, each quotable with
 * its numbers, and the short tables they come from. A question the run did not measure has neither,
 * and says so.
 *
 * @param question {@code Q0} .. {@code Q7}
 * @param notes    what a reader must know to read the answers (what was left out, and why)
 */
public record QuestionSummary(String question, String title, boolean measured, List<String> answers,
                              List<SummaryTable> tables, List<String> notes) {
    public QuestionSummary {
        answers = List.copyOf(answers);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    static QuestionSummary notMeasured(String question, String why) {
        return new QuestionSummary(question, Questions.title(question), false, List.of(), List.of(), List.of(why));
    }
}
