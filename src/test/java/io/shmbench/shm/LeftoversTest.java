package io.shmbench.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmbench.shm.Leftovers.Action;
import io.shmbench.shm.Leftovers.Finding;
import io.shmbench.shm.Leftovers.Root;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep behind {@code clean}, on fabricated roots: what it removes, what it keeps and why. */
class LeftoversTest {
    private static final long LIVE_PID = ProcessHandle.current().pid();

    @TempDir
    Path temp;
    private Path shm;
    private Path tmp;
    private Path mqueue;
    private long deadPid;

    @BeforeEach
    void roots() throws Exception {
        shm = Files.createDirectory(temp.resolve("shm"));
        tmp = Files.createDirectory(temp.resolve("tmp"));
        mqueue = Files.createDirectory(temp.resolve("mqueue"));
        deadPid = DeadProcess.pid();
    }

    private Leftovers sweeper() {
        return new Leftovers(List.of(Root.segments(shm), Root.privateDirectories(tmp), Root.messageQueues(mqueue)));
    }

    private String name(String kind, long pid) {
        return new SuiteName(kind, pid, "0123456789abcdef").toString();
    }

    private static void assertFinding(List<Finding> findings, Path path, Action action, String reasonPart) {
        Finding finding = findingFor(findings, path);
        assertEquals(action, finding.action(), finding.toString());
        assertTrue(finding.reason().contains(reasonPart), finding.toString());
    }

    private static Finding findingFor(List<Finding> findings, Path path) {
        return findings.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + path + " in " + findings));
    }

    @Test
    void removesEachKindOfLeftoverOfADeadCreator() throws IOException {
        Path segment = Files.createFile(shm.resolve(name("ring", deadPid)));
        Path privateDir = Files.createDirectory(tmp.resolve(name("fifo", deadPid)));
        Files.writeString(privateDir.resolve("note"), "x");
        bindUnixSocket(privateDir.resolve("socket"));
        Path queue = Files.createFile(mqueue.resolve(name("mq", deadPid)));

        List<Finding> findings = sweeper().sweep(false);

        for (Path removed : List.of(segment, privateDir, queue)) {
            assertFalse(Files.exists(removed, LinkOption.NOFOLLOW_LINKS), removed + " should be gone");
            assertFinding(findings, removed, Action.REMOVED, "pid " + deadPid + ", which is dead");
        }
        assertEquals(3, findings.size(), findings.toString());
        assertTrue(findingFor(findings, segment).toString().startsWith("removed"), "printed form names the action");
    }

    @Test
    void keepsLeftoversWhoseCreatorIsRunning() throws IOException {
        Path segment = Files.createFile(shm.resolve(name("ring", LIVE_PID)));
        Path privateDir = Files.createDirectory(tmp.resolve(name("sock", LIVE_PID)));

        List<Finding> findings = sweeper().sweep(false);

        assertTrue(Files.exists(segment));
        assertTrue(Files.exists(privateDir));
        for (Path kept : List.of(segment, privateDir)) {
            assertFinding(findings, kept, Action.KEPT, "pid " + LIVE_PID + ", is running");
        }
    }

    @Test
    void ignoresForeignNamesAndKeepsMalformedSuiteNames() throws IOException {
        Path foreign = Files.createFile(shm.resolve("sem.other-program"));
        Path foreignDir = Files.createDirectory(tmp.resolve("hsperfdata_root"));
        Path malformed = Files.createFile(shm.resolve("shmbench-ring-" + deadPid + "-nothex"));
        Path upperKind = Files.createFile(shm.resolve("shmbench-RING-" + deadPid + "-0123456789abcdef"));

        List<Finding> findings = sweeper().sweep(false);

        assertTrue(Files.exists(foreign));
        assertTrue(Files.exists(foreignDir));
        assertTrue(Files.exists(malformed));
        assertTrue(Files.exists(upperKind));
        assertTrue(findings.stream().noneMatch(f -> f.path().equals(foreign) || f.path().equals(foreignDir)),
                "names outside the suite's prefix are not even reported: " + findings);
        for (Path kept : List.of(malformed, upperKind)) {
            assertFinding(findings, kept, Action.KEPT, "name does not follow");
        }
    }

    @Test
    void neverFollowsOrRemovesSymbolicLinks() throws IOException {
        Path victimFile = Files.writeString(temp.resolve("victim-file"), "keep me");
        Path victimDir = Files.createDirectory(temp.resolve("victim-dir"));
        Path victimInside = Files.writeString(victimDir.resolve("precious"), "keep me too");
        Path fileLink = Files.createSymbolicLink(shm.resolve(name("ring", deadPid)), victimFile);
        Path dirLink = Files.createSymbolicLink(tmp.resolve(name("fifo", deadPid)), victimDir);
        // A link inside a real leftover directory is removed as a link; its target stays.
        Path leftoverDir = Files.createDirectory(tmp.resolve(name("sock", deadPid)));
        Files.createSymbolicLink(leftoverDir.resolve("link-out"), victimDir);

        List<Finding> findings = sweeper().sweep(false);

        assertTrue(Files.isSymbolicLink(fileLink));
        assertTrue(Files.isSymbolicLink(dirLink));
        assertEquals("keep me", Files.readString(victimFile));
        assertEquals("keep me too", Files.readString(victimInside));
        for (Path link : List.of(fileLink, dirLink)) {
            assertFinding(findings, link, Action.KEPT, "symbolic link");
        }
        assertFalse(Files.exists(leftoverDir, LinkOption.NOFOLLOW_LINKS));
        assertEquals(Action.REMOVED, findingFor(findings, leftoverDir).action());
    }

    @Test
    void keepsObjectsOfAnotherUser() throws IOException {
        assumeTrue(Libc.getuid() == 0, "only root can give a file to another user");
        Path segment = Files.createFile(shm.resolve(name("ring", deadPid)));
        Path privateDir = Files.createDirectory(tmp.resolve(name("fifo", deadPid)));
        for (Path p : List.of(segment, privateDir)) {
            Files.setAttribute(p, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        }

        List<Finding> findings = sweeper().sweep(false);

        for (Path p : List.of(segment, privateDir)) {
            assertTrue(Files.exists(p), p + " belongs to uid 65534 and must stay");
            assertFinding(findings, p, Action.KEPT, "owned by uid 65534, not by this user (uid 0)");
        }
    }

    @Test
    void keepsObjectsOfTheWrongShapeForTheirRoot() throws IOException {
        Path dirInShm = Files.createDirectory(shm.resolve(name("ring", deadPid)));
        Path fileInTmp = Files.createFile(tmp.resolve(name("fifo", deadPid)));

        List<Finding> findings = sweeper().sweep(false);

        assertTrue(Files.isDirectory(dirInShm));
        assertTrue(Files.isRegularFile(fileInTmp));
        assertFinding(findings, dirInShm, Action.KEPT, "a directory; the suite creates a shared-memory segment here");
        assertFinding(findings, fileInTmp, Action.KEPT, "not a directory; the suite creates a private FIFO/socket directory here");
    }

    @Test
    void dryRunListsWithoutRemoving() throws IOException {
        Path segment = Files.createFile(shm.resolve(name("ring", deadPid)));
        Path privateDir = Files.createDirectory(tmp.resolve(name("fifo", deadPid)));

        List<Finding> findings = sweeper().sweep(true);

        assertTrue(Files.exists(segment));
        assertTrue(Files.exists(privateDir));
        assertEquals(Action.WOULD_REMOVE, findingFor(findings, segment).action());
        assertEquals(Action.WOULD_REMOVE, findingFor(findings, privateDir).action());
    }

    @Test
    void aMissingRootIsANoteNotAFailure() {
        Path absent = temp.resolve("absent");

        List<Finding> findings = new Leftovers(List.of(Root.messageQueues(absent))).sweep(false);

        assertEquals(1, findings.size());
        assertEquals(Action.NOTE, findings.getFirst().action());
        assertTrue(findings.getFirst().reason().contains("no such directory"), findings.toString());
    }

    @Test
    void reportsWhatCouldNotBeRemoved() throws Exception {
        Path privateDir = Files.createDirectory(tmp.resolve(name("fifo", deadPid)));
        Path stuck = Files.writeString(privateDir.resolve("immutable"), "x");
        // Even root cannot delete an immutable file: the one honest way to make removal fail here.
        assumeTrue(run("chattr", "+i", stuck.toString()) == 0, "chattr +i is not available on " + temp);
        try {
            List<Finding> findings = sweeper().sweep(false);

            assertFinding(findings, privateDir, Action.FAILED, "removing it failed");
            assertFinding(findings, privateDir, Action.FAILED, stuck.toString()); // names the file that stuck
        } finally {
            assertEquals(0, run("chattr", "-i", stuck.toString()), "could not undo chattr +i on " + stuck);
        }
    }

    @Test
    void messageQueueMountIsRecognisedByFileSystemType() {
        assertFalse(Leftovers.isMessageQueueMount(temp), "a plain directory is no mqueue mount");
        assertFalse(Leftovers.isMessageQueueMount(temp.resolve("absent")));
    }

    private static void bindUnixSocket(Path path) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
        }
        assertTrue(Files.exists(path, LinkOption.NOFOLLOW_LINKS), "socket file " + path);
    }

    /** Exit code of a short command, or -1 when it cannot be started or does not finish in 30 s. */
    private static int run(String... command) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return -1;
        }
        try {
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } finally {
            process.destroyForcibly();
        }
    }
}
