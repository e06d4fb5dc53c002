package io.shmbench.cli;

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
        assertTrue(run.out().contains("clean"), "lists the clean subcommand: " + run);
    }

    @Test
    void noArgumentsPrintsUsageAndExitsZero() {
        CommandRun run = CommandRun.main();
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("Usage: run-bench.sh"), run.toString());
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
