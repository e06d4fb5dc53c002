package io.shmbench.bench;

import io.shmbench.placement.FakeSysfs;
import io.shmbench.placement.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the two sides of a cross-process benchmark are pinned, decided on fabricated hosts. */
class CrossCorePinTest {
    @TempDir
    Path root;

    @Test
    void twoCoresOfOneNodeGetOneSideEach() {
        CrossCorePin.Plan plan = CrossCorePin.plan(CrossCorePin.CROSS_CORE, FakeSysfs.oneNodeTwoCores(root).read());
        assertTrue(plan.pinned());
        assertEquals(OptionalInt.of(0), plan.thisCpu());
        assertEquals(OptionalInt.of(1), plan.peerCpu());
        assertEquals("pinned cross-core: this side CPU 0, the peer CPU 1", plan.detail());
    }

    @Test
    void aOneCpuHostRunsUnpinnedAndSaysWhy() {
        Topology oneCpu = FakeSysfs.oneNodeTwoCores(root).allowed("0").read();
        CrossCorePin.Plan plan = CrossCorePin.plan(CrossCorePin.CROSS_CORE, oneCpu);
        assertFalse(plan.pinned());
        assertEquals(OptionalInt.empty(), plan.peerCpu());
        assertTrue(plan.detail().startsWith("unpinned: this host cannot pin the two sides cross-core, which needs usable CPUs "
                + "on 2 different cores of one NUMA node"), plan.detail());
    }

    @Test
    void pinningCanBeTurnedOff() {
        CrossCorePin.Plan plan = CrossCorePin.plan(CrossCorePin.NONE, FakeSysfs.oneNodeTwoCores(root).read());
        assertFalse(plan.pinned());
        assertEquals("unpinned: pinning=none was asked for", plan.detail());
    }

    @Test
    void anUnknownValueNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossCorePin.plan("same-core", FakeSysfs.oneNodeTwoCores(root).read()));
        assertEquals("unknown pinning 'same-core'; valid: cross-core, none", e.getMessage());
    }
}
