package io.shmbench.bench;

import io.shmbench.run.BenchmarkDeclaration;
import io.shmbench.run.BenchmarkPlan;
import io.shmbench.run.HostParameters;
import io.shmbench.run.JmhOptions;
import io.shmbench.run.PlannedRun;
import io.shmbench.run.Profile;
import io.shmbench.run.Selection;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.SlotRelease;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Q4Plan against Q4Padding as compiled: the slot release is one lever on the default layout, not another layout axis. */
class Q4PlanTest {
    private static final List<BenchmarkDeclaration> COMPILED = BenchmarkDeclaration.fromJmh(BenchmarkList.defaultList()
            .find(OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT),
                    List.of("Q4Padding"), List.of()));
    private static final RingConfig DEFAULTS = RingConfig.of(RingVariant.DEFAULT_SLOTS, 64);

    private static BenchmarkPlan plan(Profile profile, String... jmhArgs) {
        return BenchmarkPlan.build(COMPILED, Selection.parse("Q4Padding"), profile, JmhOptions.parseUserArgs(List.of(jmhArgs)),
                HostParameters.NONE, new Q4Plan());
    }

    private static boolean defaultLayout(PlannedRun run) {
        Map<String, String> p = run.params();
        return p.get("padding").equals(DEFAULTS.padding().name())
                && p.get("cacheRemoteIndex").equals(String.valueOf(DEFAULTS.cacheRemoteIndex()))
                && p.get("alignSlots").equals(String.valueOf(DEFAULTS.alignSlots()))
                && p.get("readerPoll").equals(DEFAULTS.readerPoll().name());
    }

    @Test
    void theDefaultsComeFirstSoSmokeAndTheGateMeasureTheDefaultRing() {
        for (BenchmarkDeclaration b : COMPILED) {
            assertEquals(SlotRelease.DEFAULT.name(), b.params().get("slotRelease").getFirst(), b.name());
            assertTrue(b.params().get("slotRelease").size() > 1, "at least one alternative to the default");
            assertTrue(b.params().get("messageBytes").contains(String.valueOf(Q4Padding.SLOT_RELEASE_BYTES)));
        }
        List<PlannedRun> smoke = plan(Profile.SMOKE).runs();
        assertEquals(2, smoke.size(), smoke.toString());
        assertTrue(smoke.stream().allMatch(r -> defaultLayout(r) && r.params().get("slotRelease").equals(SlotRelease.DEFAULT.name())));
    }

    @Test
    void everySlotReleaseAndItsSizeAreMeasuredOnTheDefaultLayoutOnly() {
        for (Profile profile : List.of(Profile.QUICK, Profile.FULL)) {
            BenchmarkPlan plan = plan(profile);
            for (PlannedRun run : plan.runs()) {
                boolean lever = !run.params().get("slotRelease").equals(SlotRelease.DEFAULT.name())
                        || run.params().get("messageBytes").equals(String.valueOf(Q4Padding.SLOT_RELEASE_BYTES));
                assertTrue(!lever || defaultLayout(run), profile + ": " + run.params());
            }
            List<PlannedRun> at2048 = plan.runs().stream().filter(r -> r.benchmark().method().equals("throughput"))
                    .filter(r -> r.params().get("messageBytes").equals(String.valueOf(Q4Padding.SLOT_RELEASE_BYTES))).toList();
            long releases = plan.runs().stream().map(r -> r.params().get("slotRelease")).distinct().count();
            assertTrue(releases >= 3, profile + ": the default and at least the two it picks from");
            assertEquals(releases, at2048.size(), profile + ": every slot release at " + Q4Padding.SLOT_RELEASE_BYTES + " B, once: " + at2048);
            assertTrue(plan.runs().stream().anyMatch(r -> !defaultLayout(r)), "the layouts are still swept");
        }
    }

    @Test
    void aSlotReleaseAskedForWithPRunsOnAnyLayout() {
        BenchmarkPlan plan = plan(Profile.QUICK, "-p", "slotRelease=CLAIM_LINES", "-p", "padding=PACKED", "-p", "messageBytes=64");
        assertTrue(plan.runs().stream().anyMatch(r -> r.params().get("padding").equals("PACKED")
                && r.params().get("slotRelease").equals("CLAIM_LINES")), plan.runs().toString());
    }
}
