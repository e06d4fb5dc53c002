package io.shmbench.shm;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file in {@code /dev/shm} mapped into this process as a {@link MemorySegment}.
 *
 * <p>Created exclusively ({@code O_CREAT|O_EXCL}, so a pre-planted file or symlink makes creation
 * fail), owner-only (0600), under an unguessable {@link SuiteName}. Creation writes the whole file
 * with zeros before mapping it: tmpfs then reports a full device as an {@link IOException} here,
 * where touching an unbacked mapped page later would raise SIGBUS. The pages are then touched
 * through the mapping so the first measured access does not take a page fault; memory lands on the
 * NUMA node of the creating thread (first touch).
 *
 * <p>Attaching refuses a symlink, a non-regular file, a file of another user and an empty file;
 * what the file must contain is for the caller (the ring's header) to validate.
 *
 * <p><b>The file changing under a live mapping</b> (observed on Linux 6.18 with Temurin 25.0.3 on
 * x86-64, in child JVMs whose file a test cut with {@code FileChannel.truncate} or {@code truncate -s 0}):
 * <ul>
 *   <li><em>Unlinked</em> ({@link #unlink}, {@code rm}): not an error. The mapping keeps the pages
 *       until every process unmaps them; both sides go on reading and writing. Only the name is
 *       gone, so no new process can attach.</li>
 *   <li><em>Truncated</em>: the kernel takes the pages beyond the new end out of every mapping, and
 *       touching one raises SIGBUS. The JVM turns that into
 *       {@code java.lang.InternalError: a fault occurred in an unsafe memory access operation}
 *       where the access is a guarded one: an FFM access in the interpreter (thrown at once), in code
 *       compiled by C1 or C2, or in the JDK's copy stubs. In compiled code and stubs the error is
 *       <em>asynchronous</em>: the handler skips the faulting instruction (a load then yields
 *       whatever its register held; a copy stops short) and the error is thrown at the thread's next
 *       safepoint poll, a loop back-edge or a method return, possibly in a caller. The JVM
 *       <em>crashes</em> (hs_err, exit 134) where the access is not guarded: an interpreted
 *       {@code compareAndSet} on the mapping ({@code SIGBUS in Unsafe_CompareAndSetLong}), an
 *       intrinsic stub such as CRC32C's reading a view in place ({@code SIGBUS in
 *       StubRoutines::updateBytesCRC32C}), or a compiled instruction the handler cannot step over:
 *       HotSpot's {@code Assembler::locate_operand} knows no {@code movsxd}, the load of an int
 *       widened to long, so a fault there ends in
 *       {@code Internal Error (assembler_x86.cpp:1175) ShouldNotReachHere()}.</li>
 * </ul>
 * So code on a segment that may be cut keeps to guarded accesses, catches the InternalError, and
 * asks {@link #truncatedSize} (a {@code stat} of the path, compared by file identity) what it
 * means; the ring does (see {@code io.shmbench.ring.Ring}).
 */
public final class SharedSegment implements AutoCloseable {
    /** Where segments live unless a caller says otherwise (tests point it at their own tmpfs). */
    public static final Path DEFAULT_DIR = Path.of(System.getProperty("shmbench.shm.dir", "/dev/shm"));
    private static final long PAGE = 4096;
    private static final int ZERO_CHUNK = 1 << 20;

    private final Path path;
    private final Arena arena;
    private final MemorySegment memory;
    /** Device and inode of the mapped file: tells it apart from a file later created under the same name. */
    private final Object fileKey;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SharedSegment(Path path, Arena arena, MemorySegment memory, Object fileKey) {
        this.path = path;
        this.arena = arena;
        this.memory = memory;
        this.fileKey = fileKey;
    }

    /** Creates a new segment of {@code size} bytes in {@link #DEFAULT_DIR}. */
    public static SharedSegment create(String kind, long size) {
        return create(DEFAULT_DIR, SuiteName.fresh(kind), size);
    }

    public static SharedSegment create(Path dir, SuiteName name, long size) {
        return create(dir.resolve(name.toString()), size);
    }

    /** Creates a segment under a name a user chose, so that other programs can find it (see {@link SegmentName}). */
    public static SharedSegment create(Path dir, SegmentName name, long size) {
        return create(name.in(dir), size);
    }

    private static SharedSegment create(Path path, long size) {
        if (size <= 0) {
            throw new SegmentException("segment size must be positive, was " + size);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new SegmentException(path + " already exists; segments are created exclusively", e);
        } catch (IOException e) {
            throw new SegmentException("cannot create segment " + path + ": " + e.getMessage(), e);
        }
        Arena arena = Arena.ofShared();
        try (channel) {
            Object fileKey = fileKey(path);
            try {
                fillWithZeros(channel, size);
            } catch (IOException e) {
                throw new SegmentException("no space for segment " + path + ": " + e.getMessage()
                        + "; free memory in " + path.getParent() + " or use fewer/smaller slots", e);
            }
            MemorySegment memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            preTouch(memory);
            return new SharedSegment(path, arena, memory, fileKey);
        } catch (IOException | RuntimeException e) {
            arena.close();
            deleteQuietly(path);
            if (e instanceof SegmentException se) {
                throw se;
            }
            throw new SegmentException("cannot create segment " + path + " of " + size + " bytes: " + e.getMessage(), e);
        }
    }

    /** Maps an existing segment after checking that it is a regular file of this user. */
    public static SharedSegment attach(Path path) {
        EntryAttributes entry;
        try {
            entry = EntryAttributes.read(path);
        } catch (NoSuchFileException e) {
            throw new SegmentException("no segment at " + path + " (it does not exist)", e);
        } catch (IOException e) {
            throw new SegmentException("cannot read the attributes of " + path + ": " + e.getMessage(), e);
        }
        PosixFileAttributes attributes = entry.posix();
        int owner = entry.ownerUid();
        if (attributes.isSymbolicLink()) {
            throw new SegmentException(path + " is a symbolic link; segments are attached only as regular files");
        }
        if (!attributes.isRegularFile()) {
            throw new SegmentException(path + " is not a regular file");
        }
        int me = Libc.getuid();
        if (owner != me) {
            throw new SegmentException(path + " is owned by uid " + owner + ", not by this user (uid " + me + "); refusing to attach");
        }
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size == 0) {
                throw new SegmentException(path + " is empty (0 bytes); it is not a shmbench segment or was truncated");
            }
            Object fileKey = fileKey(path);
            return new SharedSegment(path, arena, channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena), fileKey);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new SegmentException("no segment at " + path + " (it vanished while attaching)", e);
        } catch (IOException | RuntimeException e) {
            arena.close();
            if (e instanceof SegmentException se) {
                throw se;
            }
            throw new SegmentException("cannot attach " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public MemorySegment memory() {
        return memory;
    }

    public long size() {
        return memory.byteSize();
    }

    /**
     * The file's size now when it is smaller than the mapping (it was truncated under this process:
     * touching the pages beyond it raises SIGBUS), else -1: intact, or the name no longer leads to
     * this file (unlinked or replaced), which leaves the mapping valid. One {@code stat}: for slow
     * paths and waits, not per message.
     */
    public long truncatedSize() {
        try {
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return now.fileKey().equals(fileKey) && now.size() < memory.byteSize() ? now.size() : -1;
        } catch (IOException e) {
            return -1; // gone (unlinked) or unreadable: nothing tells of a truncation
        }
    }

    /**
     * Whether {@code other} names the very file this segment maps (same device and inode), e.g. after
     * the file was linked under a second name, and that file still covers the whole mapping (touching
     * pages beyond a truncated end raises SIGBUS). One {@code stat}; false when {@code other} does not exist.
     */
    public boolean isWholeMappingOf(Path other) {
        try {
            BasicFileAttributes now = Files.readAttributes(other, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return now.fileKey().equals(fileKey) && now.size() >= memory.byteSize();
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the file; mappings stay valid until {@link #close}. Safe to call more than once. */
    public void unlink() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new SegmentException("cannot unlink " + path + ": " + e.getMessage(), e);
        }
    }

    /** Unmaps the segment. Idempotent; the file stays unless {@link #unlink} was called. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            arena.close();
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /**
     * Writes {@code size} zero bytes from position 0, so a full tmpfs shows up here as an
     * {@link IOException} rather than as SIGBUS on a mapped page later. Public because the mapped
     * queue ({@code io.shmbench.queue.Chunk}) creates its chunk files the same way.
     *
     * @throws IOException when a write fails; its message says how many bytes were written
     */
    public static void fillWithZeros(FileChannel channel, long size) throws IOException {
        ByteBuffer zeros = Zeros.BUFFER.duplicate();
        long position = 0;
        while (position < size) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), size - position));
            try {
                position += channel.write(zeros, position);
            } catch (IOException e) {
                throw new IOException("wrote " + position + " of " + size + " bytes (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Zeros to write from, shared read-only; a holder so a JVM that never creates a file does not allocate it. */
    private static final class Zeros {
        static final ByteBuffer BUFFER = ByteBuffer.allocateDirect(ZERO_CHUNK).asReadOnlyBuffer();
    }

    /**
     * Faults every page of {@code memory} in now (reading and writing back one byte a page), so the
     * first measured access does not take a page fault. Public because the mapped queue's chunks
     * ({@code io.shmbench.queue.Chunk}) pre-touch their data area the same way.
     *
     * <p>Opaque accesses, not plain ones: once C2 compiled this loop (after some 470 segments in one
     * JVM) it dropped a plain store of the value just loaded from the same place, and the load with
     * it, so no page was touched, first touch placed nothing, and FirstTouchTest failed late in the
     * full test run.
     */
    public static void preTouch(MemorySegment memory) {
        for (long offset = 0; offset < memory.byteSize(); offset += PAGE) {
            TOUCH.setOpaque(memory, offset, (byte) TOUCH.getOpaque(memory, offset));
        }
    }

    private static final java.lang.invoke.VarHandle TOUCH = ValueLayout.JAVA_BYTE.varHandle();

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort while already reporting the original failure
        }
    }

    @Override
    public String toString() {
        return "SharedSegment[" + path + ", " + size() + " bytes]";
    }
}
