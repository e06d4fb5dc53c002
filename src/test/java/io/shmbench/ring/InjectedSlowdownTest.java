package io.shmbench.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test-only slowdown is off unless set, and a bad value is refused rather than ignored. */
class InjectedSlowdownTest {
    @Test
    void offUnlessSet() {
        assertEquals(0, InjectedSlowdown.spins(null));
        assertEquals(0, InjectedSlowdown.spins(" "));
        assertEquals(3, InjectedSlowdown.spins("3"));
        assertEquals(0, InjectedSlowdown.spins("-2"));
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InjectedSlowdown.spins("lots"));
        assertEquals(InjectedSlowdown.VARIABLE + "='lots' is not a whole number of spins", e.getMessage());
    }
}
