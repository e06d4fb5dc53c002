package io.shmbench.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test-only slowdown is off unless set, and a bad value is refused rather than ignored. */
class InjectedSlowdownTest {
    @Test
    void offUnlessSet() {
        assertEquals(0, InjectedSlowdown.steps(null));
        assertEquals(0, InjectedSlowdown.steps(" "));
        assertEquals(3, InjectedSlowdown.steps("3"));
        assertEquals(0, InjectedSlowdown.steps("-2"));
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InjectedSlowdown.steps("lots"));
        assertEquals(InjectedSlowdown.VARIABLE + "='lots' is not a whole number of steps", e.getMessage());
    }
}
