package io.shmbench.env;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitCommitTest {
    @TempDir
    Path dir;

    private int git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 5];
        command[0] = "git";
        command[1] = "-c";
        command[2] = "user.name=shmbench-test";
        command[3] = "-c";
        command[4] = "user.email=test@shmbench.io";
        System.arraycopy(args, 0, command, 5, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("git " + String.join(" ", args) + " did not finish");
        }
        return p.exitValue();
    }

    @Test
    void unknownOutsideARepository() {
        Assumptions.assumeFalse(Files.exists(Path.of("/tmp/.git")), "a repository above the temp dir");
        assertEquals(GitCommit.UNKNOWN, GitCommit.of(dir));
    }

    @Test
    void theHeadCommitInsideOne() throws Exception {
        Assumptions.assumeTrue(git("--version") == 0, "git is not installed");
        assertEquals(0, git("init", "-q"));
        Files.writeString(dir.resolve("f"), "x");
        assertEquals(0, git("add", "f"));
        assertEquals(0, git("commit", "-q", "-m", "one"));

        String commit = GitCommit.of(dir);

        assertTrue(commit.matches("[0-9a-f]{40}"), commit);
        Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile()).start();
        assertEquals(new String(p.getInputStream().readAllBytes()).trim(), commit);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
}
