package io.shmbench.codemap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's "Code map" says which suite packages each package imports; this keeps it true of the
 * sources, so the direction of the dependencies a newcomer reads there is the one the code has. A
 * sub-package (report.figure) counts as its top package. Also: every class name is used once, so
 * no code has to spell out a package to tell two classes apart.
 */
class CodeMapTest {
    private static final Path SOURCES = Path.of("src/main/java/io/shmbench");
    private static final Pattern SUITE_IMPORT = Pattern.compile("^import (?:static )?io\\.shmbench\\.([a-z]+)[.;]", Pattern.MULTILINE);
    /** Comments name other packages ({@code io.shmbench.ring.Ring}) without depending on them. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern QUALIFIED = Pattern.compile("[^.\\w]io\\.shmbench\\.([a-z]+)\\.[A-Z]");
    private static final Pattern ROW = Pattern.compile("^\\| (`[a-z]+`(?:, `[a-z]+`)*) \\| .* \\| ([^|]+) \\|$", Pattern.MULTILINE);

    /** Each top package's imports of other suite packages (qualified uses in code count too). */
    private static Map<String, Set<String>> importsInCode() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String top = SOURCES.relativize(f).getName(0).toString();
                if (top.endsWith(".java")) {
                    continue;
                }
                Set<String> used = imports.computeIfAbsent(top, k -> new TreeSet<>());
                String code = COMMENT.matcher(Files.readString(f)).replaceAll(" ");
                Matcher m = SUITE_IMPORT.matcher(code);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher qualified = QUALIFIED.matcher(code);
                while (qualified.find()) {
                    used.add(qualified.group(1));
                }
                used.remove(top);
            }
        }
        return imports;
    }

    /** The code map's rows: package -> the imports it claims ("everything above" is not checked). */
    private static Map<String, Set<String>> importsInReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String map = readme.substring(readme.indexOf("## Code map"));
        map = map.substring(0, map.indexOf("\n## ", 5));
        Map<String, Set<String>> rows = new TreeMap<>();
        Matcher m = ROW.matcher(map);
        while (m.find()) {
            String claimed = m.group(2).trim();
            Set<String> imports = claimed.equals("none") ? Set.of()
                    : Arrays.stream(claimed.split(",")).map(s -> s.trim().replace("`", "")).collect(Collectors.toCollection(TreeSet::new));
            for (String pkg : m.group(1).split(",")) {
                rows.put(pkg.trim().replace("`", ""), imports);
            }
        }
        return rows;
    }

    @Test
    void everyPackageIsInTheCodeMapWithTheImportsItHas() throws IOException {
        Map<String, Set<String>> code = importsInCode();
        Map<String, Set<String>> readme = importsInReadme();
        assertEquals(code.keySet(), readme.keySet(), "the code map's packages");
        List<String> wrong = new ArrayList<>();
        code.forEach((pkg, used) -> {
            Set<String> claimed = readme.get(pkg);
            if (claimed.contains("everything above")) {
                return;
            }
            // gate and compare share a row: each may use what the row names, and the other.
            Set<String> allowed = new TreeSet<>(claimed);
            readme.forEach((other, same) -> {
                if (same == claimed) {
                    allowed.add(other);
                }
            });
            if (!allowed.containsAll(used) || (!claimed.isEmpty() && used.isEmpty())) {
                wrong.add(pkg + " imports " + used + ", README says " + claimed);
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void nothingBelowTheCommandLineImportsIt() throws IOException {
        importsInCode().forEach((pkg, used) -> {
            if (!pkg.equals("cli")) {
                assertFalse(used.contains("cli"), pkg + " imports cli");
            }
        });
        assertFalse(importsInCode().get("bench").contains("report"), "the benchmarks import the reporter");
    }

    @Test
    void everyClassNameIsUsedOnce() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Map<String, List<Path>> byName = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .collect(Collectors.groupingBy(p -> p.getFileName().toString(), TreeMap::new, Collectors.toList()));
            List<String> twice = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> e.getKey() + ": " + e.getValue()).toList();
            assertTrue(twice.isEmpty(), String.join("\n", twice));
        }
    }
}
