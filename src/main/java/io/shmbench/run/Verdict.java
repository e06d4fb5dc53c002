package io.shmbench.run;

import io.shmbench.measure.Outcome;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether the plan runs one parameter combination of a benchmark, and why not.
 *
 * @param kind   what happens to the combination
 * @param param  for {@link Kind#SKIP}: the parameter whose sweep leaves it out; when the user sets
 *               that parameter ({@code -p}), the combination runs after all (their choice wins)
 * @param reason why it is not run (empty for {@link Kind#RUN}); goes to the dry run and, when
 *               recorded, to the {@code detail} column of {@code raw/outcomes.csv}
 * @param forced for {@link Kind#SKIP}: what happens when the user sets {@code param} after all:
 *               {@link #RUN}, the unsupported verdict of a combination the benchmark cannot do
 *               however it is asked for, or a skip on another parameter (a rule the user did not
 *               override still holds); null for every other kind
 */
public record Verdict(Kind kind, String param, String reason, Verdict forced) {
    public static final Verdict RUN = new Verdict(Kind.RUN, "", "", null);

    public enum Kind {
        /** Measure it. */
        RUN,
        /** Not part of this profile's sweep, or of the design (e.g. a wait strategy a profile leaves out): not run, not recorded. */
        SKIP,
        /** The code under test cannot do it (e.g. a message size beyond a transport's limit): not run, recorded as unsupported. */
        UNSUPPORTED,
        /** This host cannot offer it: not run, recorded as unavailable. */
        UNAVAILABLE
    }

    public Verdict {
        if (kind == null || param == null || reason == null) {
            throw new IllegalArgumentException("a verdict needs a kind, a parameter (may be empty) and a reason");
        }
        if (kind != Kind.RUN && reason.isBlank()) {
            throw new IllegalArgumentException("a combination that is not run needs a reason");
        }
        if (kind == Kind.SKIP && param.isBlank()) {
            throw new IllegalArgumentException("a skip names the parameter whose sweep leaves the combination out");
        }
        if ((kind == Kind.SKIP) != (forced != null) || forced != null && forced.kind() == Kind.SKIP && forced.param().equals(param)) {
            throw new IllegalArgumentException("a skip, and only a skip, says what happens when it is forced (run, not, or a skip"
                    + " on another parameter), not " + forced);
        }
    }

    /** Left out of {@code param}'s sweep; runs when the user sets {@code param} with {@code -p}. */
    public static Verdict skip(String param, String reason) {
        return new Verdict(Kind.SKIP, param, reason, RUN);
    }

    /**
     * Left out of {@code param}'s sweep; when the user sets {@code param} with {@code -p}, the
     * combination gets {@code forced} instead (e.g. unsupported: asking for it does not make it
     * possible; or a skip on another parameter, which holds unless the user sets that one too).
     */
    public static Verdict skip(String param, String reason, Verdict forced) {
        return new Verdict(Kind.SKIP, param, reason, forced);
    }

    public static Verdict unsupported(String reason) {
        return new Verdict(Kind.UNSUPPORTED, "", reason, null);
    }

    public static Verdict unavailable(String reason) {
        return new Verdict(Kind.UNAVAILABLE, "", reason, null);
    }

    /**
     * What this verdict comes to once the parameters the user set ({@code -p}) are taken into
     * account: a skip on a parameter the user set gives way to its forced verdict, which may itself
     * be a skip on a parameter the user left to the profile.
     */
    public Verdict given(Predicate<String> userSets) {
        Verdict verdict = this;
        while (verdict.kind == Kind.SKIP && userSets.test(verdict.param)) {
            verdict = verdict.forced;
        }
        return verdict;
    }

    public boolean runs() {
        return kind == Kind.RUN;
    }

    /** The status {@code raw/outcomes.csv} records for it, if any. */
    public Optional<Outcome> recordedAs() {
        return switch (kind) {
            case UNSUPPORTED -> Optional.of(Outcome.UNSUPPORTED);
            case UNAVAILABLE -> Optional.of(Outcome.UNAVAILABLE);
            case RUN, SKIP -> Optional.empty();
        };
    }
}
