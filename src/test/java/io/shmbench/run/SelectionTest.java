package io.shmbench.run;

import org.junit.jupiter.api.Test;

import static io.shmbench.run.Declarations.Q10_FUTURE;
import static io.shmbench.run.Declarations.Q1_ALONE_WRITE;
import static io.shmbench.run.Declarations.Q1_ROUND_TRIP;
import static io.shmbench.run.Declarations.Q5_READ;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionTest {
    @Test
    void questionListSelectsClassesOfThoseQuestionsOnly() {
        Selection q1q5 = Selection.parse("Q1, q5");

        assertTrue(q1q5.matches(Q1_ROUND_TRIP));
        assertTrue(q1q5.matches(Q1_ALONE_WRITE));
        assertTrue(q1q5.matches(Q5_READ));
        assertFalse(q1q5.matches(Q10_FUTURE), "Q1 is not a prefix of Q10");
        assertTrue(Selection.parse("Q10").matches(Q10_FUTURE));
    }

    @Test
    void anythingElseIsARegexFoundInTheFullName() {
        Selection regex = Selection.parse("RingSideAlone|readSnap");

        assertTrue(regex.matches(Q1_ALONE_WRITE));
        assertTrue(regex.matches(Q5_READ));
        assertFalse(regex.matches(Q1_ROUND_TRIP));
        assertTrue(Selection.ALL.matches(Q10_FUTURE));
    }

    @Test
    void aBrokenRegexOrAnEmptyValueIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Selection.parse("Q1(["));
        assertTrue(e.getMessage().contains("Q1(["), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Selection.parse(" "));
    }
}
