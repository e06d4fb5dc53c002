package io.shmbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Usage behaviour of the command line: help exits 0, anything it does not know exits 2 with usage. */
class MainTest {

    @Test
    void helpPrintsUsageWithTheSubcommandsAndExitsZero() {
        CommandRun run = CommandRun.main("--help");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("Usage: run-bench.sh"), run.toString());
        for (String command : new String[] {"run", "env", "clean"}) {
            assertTrue(run.out().contains(command), "lists the " + command + " subcommand: " + run);
        }
    }

    @Test
    void runIsTheDefaultCommand() {
        assertArrayEquals(new String[] {"run"}, Main.withDefaultCommand(new String[0]));
        assertArrayEquals(new String[] {"run", "--profile", "smoke"}, Main.withDefaultCommand(new String[] {"--profile", "smoke"}));
        assertArrayEquals(new String[] {"run", "--", "-f", "1"}, Main.withDefaultCommand(new String[] {"--", "-f", "1"}));
        assertArrayEquals(new String[] {"env"}, Main.withDefaultCommand(new String[] {"env"}));
        assertArrayEquals(new String[] {"--help"}, Main.withDefaultCommand(new String[] {"--help"}));
    }

    @Test
    void unknownSubcommandPrintsUsageAndExitsTwo() {
        CommandRun run = CommandRun.main("frobnicate");
        assertEquals(Main.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("error: Unmatched argument at index 0: 'frobnicate'"), run.toString());
        assertTrue(run.err().contains("Usage: run-bench.sh"), run.toString());
    }

    @Test
    void unknownOptionPrintsUsageAndExitsTwo() {
        CommandRun run = CommandRun.main("--frobnicate");
        assertEquals(Main.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.toString());
        assertTrue(run.err().contains("Usage: run-bench.sh"), run.toString());
    }

    @Test
    void unknownOptionOfASubcommandPrintsThatSubcommandsUsageAndExitsTwo() {
        CommandRun run = CommandRun.main("clean", "--force");
        assertEquals(Main.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("Unknown option: '--force'"), run.toString());
        assertTrue(run.err().contains("Usage: run-bench.sh clean"), run.toString());
        assertTrue(run.out().isEmpty(), "nothing was cleaned or listed: " + run);
    }

    @Test
    void subcommandHelpExitsZero() {
        CommandRun run = CommandRun.main("clean", "--help");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("--dry-run"), run.toString());
    }
}
