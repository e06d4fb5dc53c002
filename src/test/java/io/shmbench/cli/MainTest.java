package io.shmbench.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void runIsTheDefaultCommand() {
        assertArrayEquals(new String[] {"run"}, Main.withDefaultCommand(new String[0]));
        assertArrayEquals(new String[] {"run", "--profile", "smoke"}, Main.withDefaultCommand(new String[] {"--profile", "smoke"}));
        assertArrayEquals(new String[] {"run", "--", "-f", "1"}, Main.withDefaultCommand(new String[] {"--", "-f", "1"}));
        assertArrayEquals(new String[] {"env"}, Main.withDefaultCommand(new String[] {"env"}));
        assertArrayEquals(new String[] {"--help"}, Main.withDefaultCommand(new String[] {"--help"}));
    }

    @Test
    void helpListsRunAndEnv() {
        CliOutput help = CliOutput.run("--help");

        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("run") && help.out().contains("env"), help.out());
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        CliOutput unknownCommand = CliOutput.run("frobnicate");
        assertEquals(2, unknownCommand.exitCode());
        assertTrue(unknownCommand.err().contains("frobnicate"), unknownCommand.err());

        CliOutput unknownOption = CliOutput.run("--frobnicate");
        assertEquals(2, unknownOption.exitCode());
        assertTrue(unknownOption.err().contains("--frobnicate"), unknownOption.err());
    }
}
