package io.shmbench.bench;

import io.shmbench.run.BenchmarkDeclaration;
import io.shmbench.run.PlanRules;
import io.shmbench.run.Profile;
import io.shmbench.run.Verdict;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.SlotRelease;

import java.util.Map;
import java.util.SortedMap;

/**
 * Which combinations of {@link Q4Padding}'s parameters are measured. The layout settings (padding,
 * remote-index caching, slot alignment, reader poll) are a cartesian product at the layout sizes;
 * the reader's {@link SlotRelease} is a lever of its own, compared on the default layout only, and
 * {@value Q4Padding#SLOT_RELEASE_BYTES} B, the size where it shows, is measured for it alone. A
 * combination left out runs when its parameter is set with {@code -p}.
 */
public final class Q4Plan implements PlanRules {
    private static final RingConfig DEFAULT_LAYOUT = RingConfig.of(RingVariant.DEFAULT_SLOTS, Q4Padding.SLOT_RELEASE_BYTES);

    @Override
    public Verdict verdict(BenchmarkDeclaration benchmark, SortedMap<String, String> params, Profile profile) {
        if (!benchmark.className().equals(Q4Padding.class.getSimpleName()) || defaultLayout(params)) {
            return Verdict.RUN;
        }
        if (!String.valueOf(SlotRelease.DEFAULT).equals(params.get(RingVariant.SLOT_RELEASE))) {
            return Verdict.skip(RingVariant.SLOT_RELEASE, "the slot release is compared on the default layout only");
        }
        if (String.valueOf(Q4Padding.SLOT_RELEASE_BYTES).equals(params.get(RingVariant.MESSAGE_BYTES))) {
            return Verdict.skip(RingVariant.MESSAGE_BYTES, Q4Padding.SLOT_RELEASE_BYTES
                    + " B is measured on the default layout only, for the slot release");
        }
        return Verdict.RUN;
    }

    /** Whether every layout parameter the benchmark sweeps has its default ({@link RingConfig#of}). */
    private static boolean defaultLayout(Map<String, String> params) {
        return is(params, RingVariant.PADDING, DEFAULT_LAYOUT.padding())
                && is(params, RingVariant.CACHE_REMOTE_INDEX, DEFAULT_LAYOUT.cacheRemoteIndex())
                && is(params, RingVariant.ALIGN_SLOTS, DEFAULT_LAYOUT.alignSlots())
                && is(params, RingVariant.READER_POLL, DEFAULT_LAYOUT.readerPoll());
    }

    private static boolean is(Map<String, String> params, String name, Object value) {
        String given = params.get(name);
        return given == null || given.equals(String.valueOf(value));
    }
}
