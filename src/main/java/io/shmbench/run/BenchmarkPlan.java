package io.shmbench.run;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every run a suite run makes, in order: the selected benchmarks, each with the cartesian product
 * of its parameter values less the combinations its {@link PlanRules} leave out. A parameter's values come from the user's JMH {@code -p} if given, else
 * from the profile (its override, or its pick from the values the host offers or, when the value
 * does not depend on the host, the declared ones).
 */
public final class BenchmarkPlan {
    private final List<PlannedRun> runs;
    private final List<NotRun> notRun;
    private final Map<BenchmarkDeclaration, SortedMap<String, List<String>>> parameters;

    /** A combination of the cartesian product that {@link PlanRules} left out, and why. */
    public record NotRun(PlannedRun run, Verdict verdict) {
    }

    private BenchmarkPlan(List<PlannedRun> runs, List<NotRun> notRun, Map<BenchmarkDeclaration, SortedMap<String, List<String>>> parameters) {
        this.runs = List.copyOf(runs);
        this.notRun = List.copyOf(notRun);
        this.parameters = parameters;
    }

    /** {@link #build(List, Selection, Profile, Options, HostParameters, PlanRules)} with every combination run. */
    public static BenchmarkPlan build(List<BenchmarkDeclaration> all, Selection selection, Profile profile, Options user,
                                      HostParameters host) {
        return build(all, selection, profile, user, host, PlanRules.NONE);
    }

    /**
     * @param all       every benchmark compiled into the suite
     * @param selection {@code --only}
     * @param profile   iterations and parameter sweeps
     * @param user      JMH options after {@code --}: includes/excludes narrow the selection, {@code -bm}
     *                  replaces the modes, {@code -p} replaces a parameter's values
     * @param host      values that depend on this host, in place of the declared ones
     * @param rules     which combinations of the cartesian product run; a combination they skip runs when the
     *                  user set the parameter the skip is about ({@code -p}); unsupported ones never run
     * @throws IllegalArgumentException when nothing is selected (the message lists what there is), or
     *                                  the host offers no value for a parameter
     */
    public static BenchmarkPlan build(List<BenchmarkDeclaration> all, Selection selection, Profile profile, Options user,
                                      HostParameters host, PlanRules rules) {
        List<Pattern> includes = user.getIncludes().stream().map(Pattern::compile).toList();
        List<Pattern> excludes = user.getExcludes().stream().map(Pattern::compile).toList();
        Set<String> selectedNames = new LinkedHashSet<>();
        List<BenchmarkDeclaration> selected = new ArrayList<>();
        for (BenchmarkDeclaration benchmark : sorted(all)) {
            if (selection.matches(benchmark) && (includes.isEmpty() || anyFind(includes, benchmark.name()))
                    && !anyFind(excludes, benchmark.name())) {
                selected.add(benchmark);
                selectedNames.add(benchmark.name());
            }
        }
        if (selected.isEmpty()) {
            Set<String> classes = new TreeSet<>();
            all.forEach(b -> classes.add(b.className()));
            throw new IllegalArgumentException("no benchmark matches"
                    + (selection.spec() != null ? " --only '" + selection.spec() + "'" : "")
                    + (includes.isEmpty() && excludes.isEmpty() ? "" : " and the JMH include/exclude patterns " + user.getIncludes()
                    + "/" + user.getExcludes()) + "; the suite has " + String.join(", ", classes));
        }
        if (!user.getBenchModes().isEmpty()) {
            selected = withModes(selected, user.getBenchModes());
        }

        List<PlannedRun> runs = new ArrayList<>();
        List<NotRun> notRun = new ArrayList<>();
        Map<BenchmarkDeclaration, SortedMap<String, List<String>>> parameters = new LinkedHashMap<>();
        for (BenchmarkDeclaration benchmark : selected) {
            SortedMap<String, List<String>> values = new TreeMap<>();
            benchmark.params().forEach((param, declared) -> {
                var given = user.getParameter(param);
                if (given.hasValue()) {
                    values.put(param, List.copyOf(given.get()));
                    return;
                }
                List<String> offered = host.values(benchmark, param).orElse(declared);
                if (offered.isEmpty()) {
                    throw new IllegalArgumentException("this host offers no value of " + param + " for " + benchmark.shortName());
                }
                values.put(param, profile.valuesFor(benchmark, param, offered));
            });
            parameters.put(benchmark, values);
            for (SortedMap<String, String> combination : combinations(values)) {
                PlannedRun run = new PlannedRun(benchmark, combination);
                // What the user asked for runs, unless it cannot or a rule they did not override leaves it out.
                Verdict verdict = rules.verdict(benchmark, run.params(), profile)
                        .given(param -> user.getParameter(param).hasValue());
                if (verdict.runs()) {
                    runs.add(run);
                } else {
                    notRun.add(new NotRun(run, verdict));
                }
            }
        }
        return new BenchmarkPlan(runs, notRun, parameters);
    }

    private static List<BenchmarkDeclaration> sorted(List<BenchmarkDeclaration> all) {
        List<BenchmarkDeclaration> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> a.name().equals(b.name()) ? a.mode().compareTo(b.mode()) : a.name().compareTo(b.name()));
        return sorted;
    }

    private static boolean anyFind(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).find());
    }

    /** The user's {@code -bm} replaces each benchmark's declared mode(s). */
    private static List<BenchmarkDeclaration> withModes(List<BenchmarkDeclaration> selected, Collection<Mode> modes) {
        Map<String, BenchmarkDeclaration> byName = new LinkedHashMap<>();
        selected.forEach(b -> byName.putIfAbsent(b.name(), b));
        List<BenchmarkDeclaration> result = new ArrayList<>();
        for (BenchmarkDeclaration benchmark : byName.values()) {
            for (Mode mode : modes.stream().sorted().toList()) { // the option's own order is not kept
                for (Mode concrete : BenchmarkDeclaration.concrete(mode)) {
                    result.add(new BenchmarkDeclaration(benchmark.name(), concrete, benchmark.params()));
                }
            }
        }
        return result;
    }

    /** The cartesian product of the values, parameters in name order, values in the order given. */
    static List<SortedMap<String, String>> combinations(SortedMap<String, List<String>> values) {
        List<SortedMap<String, String>> result = new ArrayList<>();
        result.add(new TreeMap<>());
        for (var param : values.entrySet()) {
            List<SortedMap<String, String>> next = new ArrayList<>();
            for (SortedMap<String, String> partial : result) {
                for (String value : param.getValue()) {
                    SortedMap<String, String> extended = new TreeMap<>(partial);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    public List<PlannedRun> runs() {
        return runs;
    }

    /** The combinations the rules left out, in plan order. */
    public List<NotRun> notRun() {
        return notRun;
    }

    /** The values each selected benchmark runs with, for env.json. */
    public Map<BenchmarkDeclaration, SortedMap<String, List<String>>> parameters() {
        return parameters;
    }
}
