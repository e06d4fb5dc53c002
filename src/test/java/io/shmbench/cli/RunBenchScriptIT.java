package io.shmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code ./run-bench.sh} with the real JDK and the jar {@code package} just built: run by
 * failsafe after {@code package}, so the script finds the jar up to date and builds nothing.
 */
class RunBenchScriptIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @BeforeAll
    static void jarIsUpToDate() throws IOException {
        Path jar = ROOT.resolve("target/shmbench.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run through `mvn verify` (after package)");
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (Stream<Path> sources = Stream.concat(Stream.of(ROOT.resolve("pom.xml")), Files.walk(ROOT.resolve("src/main")))) {
            List<Path> newer = sources.filter(p -> lastModified(p) > built).toList();
            assertTrue(newer.isEmpty(), "sources newer than the jar; the script would rebuild inside the test: " + newer);
        }
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CommandRun runBench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("./run-bench.sh"));
        command.addAll(List.of(args));
        return CommandRun.process(ROOT, Map.of(), TIMEOUT, command);
    }

    @Test
    void helpExitsZeroWithoutAnyJvmWarning() throws Exception {
        CommandRun run = runBench("--help");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("Usage: run-bench.sh"), run.toString());
        assertTrue(run.out().contains("clean"), run.toString());
        assertFalse(run.err().contains("WARNING"), "the JVM flags keep warnings away: " + run);
        assertFalse(run.err().contains("building"), "the jar was up to date: " + run);
    }

    @Test
    void unknownSubcommandOrOptionExitsTwoWithUsage() throws Exception {
        for (String[] args : new String[][] {{"frobnicate"}, {"--frobnicate"}, {"clean", "--force"}}) {
            CommandRun run = runBench(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run);
            assertTrue(run.err().contains("error: "), run.toString());
            assertTrue(run.err().contains("Usage: run-bench.sh"), run.toString());
        }
    }

    @Test
    void cleanDryRunExitsZeroAndSummarises() throws Exception {
        CommandRun run = runBench("clean", "--dry-run");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("clean: would remove \\d+, kept \\d+, failed 0")), run.toString());
        assertFalse(run.err().contains("WARNING"), run.toString());
    }
}
