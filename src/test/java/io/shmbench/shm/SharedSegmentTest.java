package io.shmbench.shm;

import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.ShmFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating and attaching shared segments, and every file {@link SharedSegment#attach} must refuse. */
@ExtendWith(NoLeaks.class)
class SharedSegmentTest {
    private static final long SIZE = 3 * 4096 + 100;

    @Test
    void createMakesAnOwnerOnlyZeroedFileNamedAfterThisProcess() throws IOException {
        try (SharedSegment segment = SharedSegment.create("test", SIZE)) {
            try {
                Path path = segment.path();
                assertEquals(SharedSegment.DEFAULT_DIR, path.getParent());
                SuiteName name = SuiteName.parse(path.getFileName().toString()).orElseThrow();
                assertEquals("test", name.kind());
                assertEquals(ProcessHandle.current().pid(), name.creatorPid());
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
                assertEquals(Libc.getuid(), (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
                assertEquals(SIZE, Files.size(path));
                assertEquals(SIZE, segment.size());
                for (long offset = 0; offset < SIZE; offset += 512) {
                    assertEquals(0, segment.memory().get(ValueLayout.JAVA_BYTE, offset));
                }
            } finally {
                segment.unlink();
            }
        }
    }

    @Test
    void anAttachedSegmentSharesTheCreatorsBytes() {
        try (SharedSegment created = SharedSegment.create("test", SIZE)) {
            try (SharedSegment attached = SharedSegment.attach(created.path())) {
                created.memory().set(ValueLayout.JAVA_LONG, 4096, 0x1122334455667788L);
                assertEquals(0x1122334455667788L, attached.memory().get(ValueLayout.JAVA_LONG, 4096));
                assertEquals(SIZE, attached.size());
            } finally {
                created.unlink();
            }
        }
    }

    /** Unlink removes the name, the mapping lives on until close; both are safe to repeat. */
    @Test
    void unlinkAndCloseAreIdempotent() {
        SharedSegment segment = SharedSegment.create("test", SIZE);
        try {
            segment.unlink();
            assertFalse(Files.exists(segment.path(), LinkOption.NOFOLLOW_LINKS));
            segment.memory().set(ValueLayout.JAVA_INT, 0, 7);
            assertEquals(7, segment.memory().get(ValueLayout.JAVA_INT, 0));
            segment.unlink();
        } finally {
            segment.close();
            segment.close();
        }
        assertThrows(IllegalStateException.class, () -> segment.memory().get(ValueLayout.JAVA_INT, 0),
                "a closed segment is unmapped");
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItAlone() throws IOException {
        Path path = ShmFiles.freshPath();
        try {
            Files.write(path, new byte[] {1, 2, 3});
            SuiteName name = SuiteName.parse(path.getFileName().toString()).orElseThrow();
            SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.create(path.getParent(), name, SIZE));
            assertMessageContains(path + " already exists; segments are created exclusively", e);
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(path), "the existing file is untouched");
        } finally {
            ShmFiles.delete(path);
        }
    }

    /** A symlink planted at the name is not followed (O_EXCL): its target stays untouched. */
    @Test
    void createRefusesAPlantedSymlink() throws IOException {
        Path target = ShmFiles.freshPath();
        Path link = ShmFiles.freshPath();
        try {
            Files.write(target, new byte[] {9});
            Files.createSymbolicLink(link, target);
            SuiteName name = SuiteName.parse(link.getFileName().toString()).orElseThrow();
            SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.create(link.getParent(), name, SIZE));
            assertMessageContains(link + " already exists", e);
            assertArrayEquals(new byte[] {9}, Files.readAllBytes(target));
        } finally {
            ShmFiles.delete(link);
            ShmFiles.delete(target);
        }
    }

    @Test
    void createRefusesANonPositiveSize() {
        SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.create("test", 0));
        assertMessageContains("segment size must be positive, was 0", e);
    }

    @Test
    void attachRefusesASymlink() throws IOException {
        try (SharedSegment segment = SharedSegment.create("test", SIZE)) {
            Path link = ShmFiles.freshPath();
            try {
                Files.createSymbolicLink(link, segment.path());
                SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.attach(link));
                assertMessageContains(link + " is a symbolic link; segments are attached only as regular files", e);
            } finally {
                ShmFiles.delete(link);
                segment.unlink();
            }
        }
    }

    /**
     * A file of another user is refused. As root the test makes one (chown to nobody, uid 65534);
     * otherwise it uses /etc/passwd, which belongs to root.
     */
    @Test
    void attachRefusesAFileOfAnotherUser() throws IOException {
        int me = Libc.getuid();
        Path foreign = me == 0 ? ShmFiles.freshPath() : Path.of("/etc/passwd");
        try {
            if (me == 0) {
                Files.write(foreign, new byte[4096]);
                Files.setAttribute(foreign, "unix:uid", 65534);
            }
            int owner = (Integer) Files.getAttribute(foreign, "unix:uid");
            SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.attach(foreign));
            assertMessageContains(foreign + " is owned by uid " + owner + ", not by this user (uid " + me + "); refusing to attach", e);
        } finally {
            if (me == 0) {
                ShmFiles.delete(foreign);
            }
        }
    }

    @Test
    void attachRefusesAMissingFile() {
        Path missing = ShmFiles.freshPath();
        SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.attach(missing));
        assertMessageContains("no segment at " + missing + " (it does not exist)", e);
    }

    @Test
    void attachRefusesADirectory() throws IOException {
        Path dir = ShmFiles.freshPath();
        try {
            Files.createDirectory(dir);
            SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.attach(dir));
            assertMessageContains(dir + " is not a regular file", e);
        } finally {
            ShmFiles.delete(dir);
        }
    }

    @Test
    void attachRefusesAnEmptyFile() throws IOException {
        Path empty = ShmFiles.freshPath();
        try {
            Files.createFile(empty);
            SegmentException e = assertThrows(SegmentException.class, () -> SharedSegment.attach(empty));
            assertMessageContains(empty + " is empty (0 bytes)", e);
        } finally {
            ShmFiles.delete(empty);
        }
    }

    /**
     * Only a shrunken file counts as truncated; the pages beyond its end are never touched here
     * (they would raise SIGBUS). An unlinked name, or a new file under it, leaves the mapping valid.
     */
    @Test
    void truncatedSizeReportsAShrunkenFileOnly() throws IOException {
        try (SharedSegment segment = SharedSegment.create("test", SIZE)) {
            Path path = segment.path();
            try {
                assertEquals(-1, segment.truncatedSize(), "intact");
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    channel.truncate(4096);
                    assertEquals(4096, segment.truncatedSize());
                    channel.write(ByteBuffer.allocate(1), SIZE - 1);
                    assertEquals(-1, segment.truncatedSize(), "grown back to its size (the lost pages now read as zeros)");
                }
                segment.unlink();
                assertEquals(-1, segment.truncatedSize(), "unlinked: the mapping lives on");
                Files.write(path, new byte[10]);
                assertEquals(-1, segment.truncatedSize(), "a new, smaller file under the old name is another file");
            } finally {
                ShmFiles.delete(path);
            }
        }
    }

    @Test
    void suiteNamesRoundTripAndRejectOthers() {
        SuiteName fresh = SuiteName.fresh("ring");
        assertEquals(fresh, SuiteName.parse(fresh.toString()).orElseThrow());
        assertEquals(fresh, SuiteName.parse("/" + fresh).orElseThrow(), "message queue names start with a slash");
        assertTrue(SuiteName.parse("shmbench-ring-12-short").isEmpty());
        assertTrue(SuiteName.parse("other-ring-12-0123456789abcdef").isEmpty());
        assertTrue(fresh.creatorAlive());
    }

}
