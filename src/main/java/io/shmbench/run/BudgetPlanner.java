package io.shmbench.run;

import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Fits a suite run into a {@link Budget}: when the plan's nominal time ({@link PlanShape#nominal()})
 * is longer, it walks a fixed ladder of reductions, most faithful first, and stops at the first
 * rung that fits. Each rung keeps what the ones before it took:
 * <ol>
 *   <li>forks down to {@value #FORKS}: rounds repeat the plan anyway, interleaved with everything
 *       else, which on a noisy host tells more than forks run back to back;</li>
 *   <li>measurement iterations down to {@value #MEASUREMENT_ITERATIONS}: JMH's 99.9% interval
 *       multiplies the iterations' spread by Student's t, 8.6 for 5 iterations but 31.6 for 3, so
 *       never fewer than 5;</li>
 *   <li>warm-up down to {@value #WARMUP_ITERATIONS} x 1 s: C2 needs about 2 s to compile the
 *       FFM-heavy loops here on 2 cores;</li>
 *   <li>measurement time per iteration down to 0.5 s, then 0.3 s ({@link #MEASUREMENT_TIMES}, the
 *       quick profile's, the shortest this suite is measured with): a shorter iteration makes each
 *       score noisier, which JMH's interval shows, without moving it;</li>
 *   <li>only then the sweeps: {@link #NARROWED_SWEEPS}'s parameter values and plan rules instead of
 *       every declared value, since dropping a parameter value loses a point of a curve
 *       outright;</li>
 *   <li>fewer rounds, as many as fit, never below 1.</li>
 * </ol>
 * A rung never raises a setting (a smoke profile's 1 iteration stays 1) and never changes one the
 * user gave after {@code --}; nor do the sweeps change a parameter the user set with {@code -p}
 * ({@link BenchmarkPlan} takes the user's values over any profile's). When even the last rung does
 * not fit, {@link #fit} refuses with the smallest plan's nominal time.
 */
public final class BudgetPlanner {
    static final int FORKS = 1;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final int WARMUP_ITERATIONS = 2;
    static final TimeValue WARMUP_TIME = TimeValue.seconds(1);
    static final List<TimeValue> MEASUREMENT_TIMES = List.of(TimeValue.milliseconds(500), TimeValue.milliseconds(300));
    static final Profile NARROWED_SWEEPS = Profile.QUICK;

    private BudgetPlanner() {
    }

    /** A budget no plan within the ladder meets; its message names the smallest plan's nominal time. */
    public static final class BudgetUnmetException extends IllegalArgumentException {
        BudgetUnmetException(String message) {
            super(message);
        }
    }

    /** A JMH option of the iteration settings that the user may give after {@code --}, which the budget then keeps. */
    enum KeptSetting {
        FORKS("-f", o -> o.getForkCount().hasValue(), s -> Integer.toString(s.forks())),
        MEASUREMENT_ITERATIONS("-i", o -> o.getMeasurementIterations().hasValue(), s -> Integer.toString(s.measurementIterations())),
        WARMUP_ITERATIONS("-wi", o -> o.getWarmupIterations().hasValue(), s -> Integer.toString(s.warmupIterations())),
        WARMUP_TIME("-w", o -> o.getWarmupTime().hasValue(), s -> IterationSettings.seconds(s.warmupTime())),
        MEASUREMENT_TIME("-r", o -> o.getMeasurementTime().hasValue(), s -> IterationSettings.seconds(s.measurementTime()));

        private final String option;
        private final Predicate<Options> given;
        private final Function<IterationSettings, String> value;

        KeptSetting(String option, Predicate<Options> given, Function<IterationSettings, String> value) {
            this.option = option;
            this.given = given;
            this.value = value;
        }

        static Set<KeptSetting> givenIn(Options user) {
            Set<KeptSetting> kept = EnumSet.noneOf(KeptSetting.class);
            for (KeptSetting setting : values()) {
                if (setting.given.test(user)) {
                    kept.add(setting);
                }
            }
            return kept;
        }

        String describe(IterationSettings settings) {
            return option + " " + value.apply(settings);
        }
    }

    /** A rung of the ladder: the shape one step smaller, or empty where the step does not apply. */
    @FunctionalInterface
    private interface Step {
        Optional<PlanShape> reduce(PlanShape shape);
    }

    /**
     * @param profile          the run's profile: its iterations, forks and sweeps as planned
     * @param user             JMH options after {@code --}; the iteration settings among them are kept
     * @param rounds           {@code --rounds}
     * @param planWithSweepsOf the run's plan (same selection, user options, host and rules) with a
     *                         profile's sweeps; asked for {@code profile}'s and {@link #NARROWED_SWEEPS}'s
     * @throws BudgetUnmetException when the smallest plan the ladder reaches is still too long
     */
    public static BudgetedPlan fit(Budget budget, Profile profile, Options user, int rounds,
                                   Function<Profile, BenchmarkPlan> planWithSweepsOf) {
        PlanShape asPlanned = new PlanShape(IterationSettings.of(profile, user), profile, planWithSweepsOf.apply(profile), rounds);
        Set<KeptSetting> kept = KeptSetting.givenIn(user);
        PlanShape chosen = walk(asPlanned, ladder(kept, budget, planWithSweepsOf), budget);
        if (budget.fits(chosen.nominal())) {
            return BudgetedPlan.of(budget, asPlanned, chosen, user);
        }
        String message = "--budget " + budget.label() + " cannot be met: the smallest plan it may make, " + describe(chosen)
                + ", takes about " + Progress.format(chosen.nominal()) + " (nominal)";
        if (!kept.isEmpty()) {
            PlanShape unkept = walk(asPlanned, ladder(EnumSet.noneOf(KeptSetting.class), budget, planWithSweepsOf), budget);
            List<String> given = kept.stream().map(s -> s.describe(asPlanned.settings())).toList();
            message += "; it keeps " + String.join(", ", given) + " as given after '--'"
                    + (budget.fits(unkept.nominal())
                    ? ", and would fit without them (about " + Progress.format(unkept.nominal()) + ")"
                    : ", and even without them the smallest plan takes about " + Progress.format(unkept.nominal()));
        }
        throw new BudgetUnmetException(message + ". Give a longer --budget, or narrow the run with --only or -p.");
    }

    /** The first shape on the ladder that fits, or the last one reached. */
    private static PlanShape walk(PlanShape start, List<Step> ladder, Budget budget) {
        PlanShape shape = start;
        for (Step step : ladder) {
            if (budget.fits(shape.nominal())) {
                break;
            }
            shape = step.reduce(shape).orElse(shape);
        }
        return shape;
    }

    private static List<Step> ladder(Set<KeptSetting> kept, Budget budget, Function<Profile, BenchmarkPlan> planWithSweepsOf) {
        List<Step> ladder = new ArrayList<>();
        ladder.add(s -> kept.contains(KeptSetting.FORKS) || s.settings().forks() <= FORKS
                ? Optional.empty() : Optional.of(s.with(s.settings().withForks(FORKS))));
        ladder.add(s -> kept.contains(KeptSetting.MEASUREMENT_ITERATIONS) || s.settings().measurementIterations() <= MEASUREMENT_ITERATIONS
                ? Optional.empty() : Optional.of(s.with(s.settings().withMeasurementIterations(MEASUREMENT_ITERATIONS))));
        ladder.add(s -> shorterWarmup(s, kept));
        for (TimeValue time : MEASUREMENT_TIMES) {
            ladder.add(s -> kept.contains(KeptSetting.MEASUREMENT_TIME) || !longer(s.settings().measurementTime(), time)
                    ? Optional.empty() : Optional.of(s.with(s.settings().withMeasurementTime(time))));
        }
        ladder.add(s -> {
            if (s.sweeps() == NARROWED_SWEEPS) {
                return Optional.empty();
            }
            BenchmarkPlan narrowed = planWithSweepsOf.apply(NARROWED_SWEEPS);
            // A profile narrower still (smoke) keeps its own sweeps.
            return narrowed.runs().size() < s.runsPerRound() ? Optional.of(s.withSweeps(NARROWED_SWEEPS, narrowed)) : Optional.empty();
        });
        ladder.add(s -> s.rounds() <= 1 ? Optional.empty() : Optional.of(s.withRounds(mostRoundsThatFit(s, budget))));
        return ladder;
    }

    private static Optional<PlanShape> shorterWarmup(PlanShape shape, Set<KeptSetting> kept) {
        IterationSettings s = shape.settings();
        int iterations = kept.contains(KeptSetting.WARMUP_ITERATIONS) ? s.warmupIterations()
                : Math.min(s.warmupIterations(), WARMUP_ITERATIONS);
        TimeValue time = kept.contains(KeptSetting.WARMUP_TIME) || !longer(s.warmupTime(), WARMUP_TIME) ? s.warmupTime() : WARMUP_TIME;
        if (iterations == s.warmupIterations() && time.equals(s.warmupTime())) {
            return Optional.empty();
        }
        return Optional.of(shape.with(s.withWarmup(iterations, time)));
    }

    /** The most rounds below the shape's that fit, or 1: fewer rounds never stops at a half. */
    private static int mostRoundsThatFit(PlanShape shape, Budget budget) {
        int rounds = shape.rounds() - 1;
        while (rounds > 1 && !budget.fits(shape.withRounds(rounds).nominal())) {
            rounds--;
        }
        return rounds;
    }

    private static boolean longer(TimeValue a, TimeValue b) {
        return IterationSettings.duration(a).compareTo(IterationSettings.duration(b)) > 0;
    }

    /** {@code 131 runs x 1 round, 1 fork, warm-up 2 x 1 s, measurement 5 x 0.3 s, the quick profile's sweeps}. */
    static String describe(PlanShape shape) {
        IterationSettings s = shape.settings();
        return shape.runsPerRound() + " runs x " + shape.rounds() + (shape.rounds() == 1 ? " round" : " rounds") + ", "
                + s.forks() + (s.forks() == 1 ? " fork" : " forks") + ", warm-up " + s.warmup() + ", measurement "
                + s.measurement() + ", the " + shape.sweeps().label() + " profile's sweeps";
    }
}
