package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.shm.SegmentException;
import io.shmbench.shm.SuiteName;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Creating a ring where there is no room for it: a 1 MiB tmpfs mounted for the test (which needs
 * root; elsewhere the test is skipped and says why). The error names the file and says there is
 * no space, and no half-created file is left in the directory.
 */
@ExtendWith(NoLeaks.class)
class RingNoSpaceTest {
    private static final String SIZE = "1m";
    /** 1024 slots of 4 KiB: four times the file system. */
    private static final RingConfig TOO_LARGE = RingConfig.of(1024, 4000);
    /** 160 slots of 4 KiB, about 640 KiB: fits once, not twice. */
    private static final RingConfig MOST_OF_IT = RingConfig.of(160, 4000);

    private Path mountPoint;

    @BeforeEach
    void mountASmallTmpfs() throws Exception {
        mountPoint = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir")).resolve(SuiteName.fresh("test").toString()),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String why = run("mount", "-t", "tmpfs", "-o", "size=" + SIZE + ",mode=0700", "tmpfs", mountPoint.toString());
        if (why != null) {
            Files.delete(mountPoint);
            mountPoint = null;
            String reason = "cannot mount a " + SIZE + " tmpfs for the no-space test (mounting needs root or CAP_SYS_ADMIN): " + why;
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint == null) {
            return;
        }
        try {
            String why = run("umount", mountPoint.toString());
            if (why != null) {
                throw new AssertionError("cannot unmount the test tmpfs at " + mountPoint + ": " + why);
            }
        } finally {
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void aRingLargerThanTheFileSystemIsRefusedAndLeavesNoFile() throws IOException {
        SegmentException e = assertThrows(SegmentException.class, () -> Ring.create(mountPoint, TOO_LARGE));
        assertMessageContains("no space for segment " + mountPoint.resolve(SuiteName.PREFIX + Ring.SEGMENT_KIND + "-"), e);
        assertMessageContains(" of " + TOO_LARGE.segmentSize() + " bytes (No space left on device); free memory in "
                + mountPoint + " or use fewer/smaller slots", e);
        assertEquals(List.of(), entries(), "nothing half-created is left");
    }

    /** The second ring does not fit in what the first left: it fails alone, the first keeps working. */
    @Test
    void aRingThatDoesNotFitBesideAnotherFailsAloneAndTheFirstStaysIntact() throws IOException {
        try (Ring first = Ring.create(mountPoint, MOST_OF_IT);
             RingWriter writer = first.openWriter(WaitStrategy.SPIN);
             RingReader reader = first.openReader(WaitStrategy.SPIN)) {
            try {
                SegmentException e = assertThrows(SegmentException.class, () -> Ring.create(mountPoint, MOST_OF_IT));
                assertMessageContains("no space for segment " + mountPoint, e);
                assertEquals(List.of(first.path()), entries(), "only the first ring's file");
                byte[] message = {1, 2, 3};
                writer.write(message, 0, message.length, RingRoundTripTest.TIMEOUT_NANOS);
                assertEquals(message.length, reader.read(new byte[8], RingRoundTripTest.TIMEOUT_NANOS));
            } finally {
                first.unlink();
            }
        }
        assertEquals(List.of(), entries());
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> entries = Files.list(mountPoint)) {
            return entries.toList();
        }
    }

    /** Runs a command; returns null when it succeeded, else what went wrong. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish within 30 s";
            }
            return process.exitValue() == 0 ? null : String.join(" ", command) + " exited with " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            return "cannot run " + command[0] + ": " + e.getMessage();
        }
    }
}
