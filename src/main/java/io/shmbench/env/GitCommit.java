package io.shmbench.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit the suite was built from, so a result can be traced to its code. */
public final class GitCommit {
    public static final String UNKNOWN = "unknown";
    private static final long TIMEOUT_SECONDS = 10;

    private GitCommit() {
    }

    /** {@code git rev-parse HEAD} in {@code dir}, or {@value #UNKNOWN} when git or the repository is missing. */
    public static String of(Path dir) {
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return UNKNOWN; // no git on this machine
        }
        try (InputStream out = git.getInputStream()) {
            git.getOutputStream().close();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return UNKNOWN;
            }
            String commit = new String(out.readAllBytes(), StandardCharsets.US_ASCII).trim();
            return git.exitValue() == 0 && commit.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? commit : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        } finally {
            git.destroyForcibly();
        }
    }
}
