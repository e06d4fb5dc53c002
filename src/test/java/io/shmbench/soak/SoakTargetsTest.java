package io.shmbench.soak;

import io.shmbench.testutil.NoCCompiler;
import io.shmbench.transport.Transports;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which targets a soak runs, and how its time is shared out. */
class SoakTargetsTest {

    private static List<String> names(String list) {
        return SoakTargets.parse(list).stream().map(SoakTarget::name).toList();
    }

    @Test
    void allIsEveryTransportThenBothRingModes() {
        List<String> expected = new ArrayList<>(Transports.names());
        expected.add("ring-blocking");
        expected.add("ring-overwrite");
        assertEquals(expected, names("all"));
        assertEquals(expected, SoakTargets.names());
    }

    @Test
    void withoutACCompilerAllLeavesTheCPeerOutAndNamingItIsRefusedWithTheReason() {
        try (NoCCompiler none = NoCCompiler.set()) {
            List<String> expected = new ArrayList<>(Transports.names());
            expected.remove("shm-ring-c");
            expected.add("ring-blocking");
            expected.add("ring-overwrite");
            assertEquals(expected, names("all"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoakTargets.parse("uds,shm-ring-c"));
            assertTrue(e.getMessage().startsWith("shm-ring-c cannot run on this machine: no C compiler"), e.getMessage());
        }
    }

    @Test
    void ringIsBothModesAndTheOrderIsTheSoaksWhateverTheListsOrder() {
        assertEquals(List.of("ring-blocking", "ring-overwrite"), names("ring"));
        assertEquals(List.of("uds", "mq", "ring-overwrite"), names("ring-overwrite, mq,uds,uds"));
    }

    @Test
    void anUnknownNameIsRefusedWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoakTargets.parse("uds,smoke-signals"));
        assertTrue(e.getMessage().contains("'smoke-signals'") && e.getMessage().contains("ring-overwrite")
                && e.getMessage().contains("chronicle-queue"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoakTargets.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SoakTargets.parse("uds,"));
    }

    @Test
    void timeIsSharedInRoundsOfAboutHalfAMinutePerTarget() {
        assertEquals(1, Soak.rounds(12, Duration.ofSeconds(20)), "a short soak still visits every target once");
        assertEquals(2, Soak.rounds(12, Duration.ofMinutes(10)), "10 minutes over 12 targets: 24 slices of 25 s");
        assertEquals(10, Soak.rounds(4, Duration.ofMinutes(20)));
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new SoakSettings(Duration.ZERO, Duration.ofSeconds(1), 100));
        assertThrows(IllegalArgumentException.class, () -> new SoakSettings(Duration.ofDays(8), Duration.ofSeconds(1), 100));
        assertThrows(IllegalArgumentException.class, () -> new SoakSettings(Duration.ofMinutes(1), Duration.ofMillis(1), 100));
        assertThrows(IllegalArgumentException.class, () -> new SoakSettings(Duration.ofMinutes(1), Duration.ofMinutes(2), 100));
        assertThrows(IllegalArgumentException.class, () -> new SoakSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), 11));
        assertThrows(IllegalArgumentException.class, () -> new SoakSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), (1 << 20) + 1));
    }
}
