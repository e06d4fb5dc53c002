package io.shmbench.run;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A skip gives way to what the user asks for, one overridden rule at a time. */
class VerdictTest {
    private static final Verdict UNSUPPORTED = Verdict.unsupported("cannot carry it");
    private static final Verdict WAIT_SKIP = Verdict.skip("wait", "not this profile's wait");
    private static final Verdict SIZE_SKIP = Verdict.skip("size", "not this profile's size", WAIT_SKIP);

    @Test
    void aSkipHoldsUntilTheUserSetsItsParameter() {
        assertEquals(WAIT_SKIP, WAIT_SKIP.given(Set.of("size")::contains));
        assertEquals(Verdict.RUN, WAIT_SKIP.given(Set.of("wait")::contains));
        assertEquals(UNSUPPORTED, Verdict.skip("size", "too large", UNSUPPORTED).given(Set.of("size")::contains),
                "asking for it does not make it possible");
    }

    @Test
    void aChainedSkipNeedsEveryParameterItNamesSet() {
        assertEquals(SIZE_SKIP, SIZE_SKIP.given(Set.<String>of()::contains));
        assertEquals(WAIT_SKIP, SIZE_SKIP.given(Set.of("size")::contains), "the wait rule was not overridden");
        assertEquals(Verdict.RUN, SIZE_SKIP.given(Set.of("size", "wait")::contains));
        assertEquals(SIZE_SKIP, SIZE_SKIP.given(Set.of("wait")::contains), "the first rule still holds");
    }

    @Test
    void aSkipCannotGiveWayToASkipOnTheSameParameter() {
        assertThrows(IllegalArgumentException.class, () -> Verdict.skip("size", "a", Verdict.skip("size", "b")));
    }
}
