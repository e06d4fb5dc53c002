package io.shmbench.cli;

import io.shmbench.process.JavaCommand;
import io.shmbench.soak.RingWriterMain;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.transport.PeerMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command-line entry point refuses bad input with usage or a clear error and exit code 2:
 * an unknown option, a bad number wherever a number is taken, and a missing file wherever a file or
 * directory is taken. The subcommands are found in picocli's model of {@link Main}, so a new one is
 * covered as soon as it is registered, and so are its numeric and path options (found by type).
 *
 * <p>The suite's numbers are all counts, sizes and durations, so besides what does not parse
 * ({@code twelve}, a value beyond the type; NaN and infinity where fractions are taken) a negative
 * one must be refused too, and every error must quote the value given. A "missing" path
 * here is one under a regular file: it neither exists nor can be created, so an input path is
 * missing and an output directory cannot be made. Each failing argument comes with valid values for
 * the required ones (a run directory for a path), so the error is about the bad value alone.
 *
 * <p>The peer and soak-writer processes are entry points too, started by the suite itself; they
 * are run as child JVMs.
 */
@ExtendWith(NoLeaks.class)
class CommandLineBadInputTest {
    private static final String UNKNOWN = "--no-such-option";
    private static final List<String> NOT_NUMBERS = List.of("twelve", "99999999999999999999", "-1");
    private static final List<String> NOT_FINITE = List.of("NaN", "Infinity");
    private static Path scratch;
    private static Path missing;
    /** A directory that is a run (it has env.json), for commands that read one. */
    private static Path run;

    @BeforeAll
    static void paths() throws IOException {
        scratch = Files.createTempDirectory("badinput");
        Path file = Files.writeString(scratch.resolve("a-file"), "not a directory");
        missing = file.resolve("missing").resolve("run");
        run = Files.createDirectories(scratch.resolve("run"));
        Files.writeString(run.resolve("env.json"), "{\"schema\": \"shmbench-env/1\"}");
    }

    @AfterAll
    static void removeScratch() throws IOException {
        try (Stream<Path> tree = Files.walk(scratch)) {
            for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Map<String, CommandLine> subcommands() {
        return new CommandLine(new Main()).getSubcommands();
    }

    @Test
    void theModelHasTheKnownCommandsAndSomethingOfEachKindToTest() {
        Set<String> names = subcommands().keySet();
        assertTrue(names.containsAll(Set.of("run", "check", "report", "env", "clean", "soak")), names.toString());
        List<ArgSpec> all = subcommands().values().stream().flatMap(c -> c.getCommandSpec().args().stream()).toList();
        assertTrue(all.stream().anyMatch(CommandLineBadInputTest::numeric), "some command takes a number");
        assertTrue(all.stream().anyMatch(CommandLineBadInputTest::path), "some command takes a path");
    }

    @TestFactory
    Stream<DynamicTest> anUnknownOptionPrintsUsageAndExitsTwo() {
        return subcommands().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            List<String> args = new ArrayList<>(List.of(e.getKey(), UNKNOWN));
            args.addAll(requiredArgs(e.getValue()));
            CommandRun run = CommandRun.main(args.toArray(String[]::new));
            assertUsageError(run, e.getKey(), "Unknown option: '" + UNKNOWN + "'");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aBadNumberIsAUsageErrorNamingTheOption() {
        return cases(CommandLineBadInputTest::numeric, (command, arg) -> {
            List<String> values = new ArrayList<>(NOT_NUMBERS);
            if (arg.type() == double.class || arg.type() == Double.class || arg.type() == Duration.class) {
                values.addAll(NOT_FINITE);
            }
            return values;
        });
    }

    @TestFactory
    Stream<DynamicTest> aMissingFileIsAUsageErrorNamingThePath() {
        return cases(CommandLineBadInputTest::path, (command, arg) -> List.of(missing.toString()));
    }

    /** One dynamic test per command, argument of that kind and bad value. */
    private Stream<DynamicTest> cases(Predicate<ArgSpec> kind, java.util.function.BiFunction<String, ArgSpec, List<String>> badValues) {
        List<DynamicTest> tests = new ArrayList<>();
        subcommands().forEach((name, command) -> {
            for (ArgSpec arg : command.getCommandSpec().args()) {
                if (!kind.test(arg)) {
                    continue;
                }
                for (String value : badValues.apply(name, arg)) {
                    tests.add(DynamicTest.dynamicTest(name + " " + label(arg) + " " + value, () -> {
                        CommandRun run = CommandRun.main(argsWith(name, command, arg, value));
                        String label = arg instanceof OptionSpec option ? option.longestName() : null;
                        assertUsageError(run, name, value);
                        if (label != null) {
                            assertTrue(run.err().contains(label), "the error names " + label + ": " + run);
                        }
                    }));
                }
            }
        });
        assertFalse(tests.isEmpty(), "no argument of this kind in any command");
        return tests.stream();
    }

    private static String[] argsWith(String name, CommandLine command, ArgSpec bad, String value) {
        List<String> args = new ArrayList<>(List.of(name));
        if (bad instanceof OptionSpec option) {
            args.add(option.longestName());
            args.add(value);
        }
        for (OptionSpec o : command.getCommandSpec().options()) {
            if (o.required() && o != bad) {
                args.add(o.longestName());
                args.add(validValue(o));
            }
        }
        for (PositionalParamSpec p : command.getCommandSpec().positionalParameters()) {
            if (p == bad) {
                args.add(value);
                for (int i = 1; i < p.arity().min(); i++) { // compare takes two runs or more
                    args.add(validValue(p));
                }
            } else if (p.required()) {
                for (int i = 0; i < Math.max(1, p.arity().min()); i++) {
                    args.add(validValue(p));
                }
            }
        }
        return args.toArray(String[]::new);
    }

    /** Valid values for the required options and positionals. */
    private static List<String> requiredArgs(CommandLine command) {
        List<String> args = new ArrayList<>();
        for (OptionSpec o : command.getCommandSpec().options()) {
            if (o.required()) {
                args.add(o.longestName());
                args.add(validValue(o));
            }
        }
        for (PositionalParamSpec p : command.getCommandSpec().positionalParameters()) {
            for (int i = 0; p.required() && i < Math.max(1, p.arity().min()); i++) {
                args.add(validValue(p));
            }
        }
        return args;
    }

    /** A run directory for a path (commands that read a run check it is one), else a word. */
    private static String validValue(ArgSpec p) {
        return path(p) ? run.toString() : "x";
    }

    private static void assertUsageError(CommandRun run, String command, String mentioned) {
        assertEquals(Main.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("error: ") || run.err().contains("Unknown option"), "a clear error: " + run);
        assertTrue(run.err().contains(mentioned), "the error names '" + mentioned + "': " + run);
        assertTrue(run.err().contains("Usage: run-bench.sh " + command), "usage follows: " + run);
        assertFalse(run.out().contains("soak summary") || run.out().contains("[1/"), "nothing ran: " + run);
    }

    /** Numbers by type; the suite's {@link Duration} options are given as numbers (of minutes, seconds) too. */
    private static boolean numeric(ArgSpec arg) {
        Class<?> type = arg.type();
        return type.isPrimitive() && type != boolean.class && type != char.class || Number.class.isAssignableFrom(type)
                || type == Duration.class;
    }

    /** A path, or several (compare's runs): by the element type of a list. */
    private static boolean path(ArgSpec arg) {
        Class<?> type = java.util.Collection.class.isAssignableFrom(arg.type()) ? arg.auxiliaryTypes()[0] : arg.type();
        return Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type);
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : ((PositionalParamSpec) arg).paramLabel();
    }

    // ---- entry points the suite starts itself ----------------------------------------------

    @Test
    void theSoakWriterRefusesAnUnknownOptionABadNumberAndAMissingRing() {
        assertChildUsageError(RingWriterMain.class, "Unknown option: '--no-such-option'", "--ring", scratch.toString(), "--size", "100", UNKNOWN);
        assertChildUsageError(RingWriterMain.class, "'twelve' is not an int", "--ring", scratch.toString(), "--size", "twelve");
        assertChildUsageError(RingWriterMain.class, "--size must be at least 20", "--ring", scratch.toString(), "--size", "-1");
        assertChildUsageError(RingWriterMain.class, missing + " does not exist", "--ring", missing.toString(), "--size", "100");
    }

    @Test
    void thePeerRefusesAnUnknownOptionAndABadNumber() {
        String[] valid = {"--transport", "uds", "--role", "echo", "--parent-pid", Long.toString(ProcessHandle.current().pid())};
        assertChildUsageError(PeerMain.class, "Unknown option: '--no-such-option'", concat(valid, "--max-size", "100", UNKNOWN));
        assertChildUsageError(PeerMain.class, "'twelve' is not an int", concat(valid, "--max-size", "twelve"));
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    /** Runs {@code main} in a child JVM as the suite would start it; it must exit 2 with {@code message} on stderr. */
    private static void assertChildUsageError(Class<?> main, String message, String... args) {
        List<String> command = JavaCommand.of(main, List.of("-Xmx64m"), List.of(args));
        CommandRun run;
        try {
            run = CommandRun.process(scratch, Map.of(), Duration.ofSeconds(60), command);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertEquals(2, run.exit(), main.getSimpleName() + " " + String.join(" ", args) + "\n" + run);
        assertTrue(run.err().contains(message), main.getSimpleName() + ": expected '" + message + "' in:\n" + run);
    }
}
