package io.shmbench.run;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A benchmark method as compiled into JMH's benchmark list: its name, mode and declared
 * {@code @Param} values (in declaration order).
 *
 * @param name   {@code package.Class.method}
 * @param mode   one concrete JMH mode
 * @param params declared values by parameter name
 */
public record BenchmarkDeclaration(String name, Mode mode, SortedMap<String, List<String>> params) {

    public BenchmarkDeclaration {
        if (mode == Mode.All) {
            throw new IllegalArgumentException("a declaration has one concrete mode; expand Mode.All first");
        }
        SortedMap<String, List<String>> copy = new TreeMap<>();
        params.forEach((param, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException(name + " declares @Param " + param + " without values; give it values");
            }
            copy.put(param, List.copyOf(values));
        });
        params = Collections.unmodifiableSortedMap(copy);
    }

    /** Every declaration in JMH's list; a benchmark in {@link Mode#All} becomes one per mode. */
    public static List<BenchmarkDeclaration> fromJmh(Collection<BenchmarkListEntry> entries) {
        List<BenchmarkDeclaration> declarations = new ArrayList<>();
        for (BenchmarkListEntry entry : entries) {
            SortedMap<String, List<String>> params = new TreeMap<>();
            Map<String, String[]> declared = entry.getParams().orElse(Map.of());
            declared.forEach((param, values) -> params.put(param, Arrays.asList(values)));
            for (Mode mode : concrete(entry.getMode())) {
                declarations.add(new BenchmarkDeclaration(entry.getUsername(), mode, params));
            }
        }
        return declarations;
    }

    static List<Mode> concrete(Mode mode) {
        return mode == Mode.All ? Arrays.stream(Mode.values()).filter(m -> m != Mode.All).toList() : List.of(mode);
    }

    /** Simple name of the class, e.g. {@code Q5PayloadLayout}. */
    public String className() {
        String qualifiedClass = name.substring(0, name.lastIndexOf('.'));
        return qualifiedClass.substring(qualifiedClass.lastIndexOf('.') + 1);
    }

    public String method() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** {@code Class.method}: what the console shows. */
    public String shortName() {
        return className() + "." + method();
    }
}
