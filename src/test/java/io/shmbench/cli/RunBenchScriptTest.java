package io.shmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run-bench.sh itself, driven through bash: how it picks a JDK (against fabricated JDKs whose
 * {@code bin/java} only reports a version) and when it rebuilds the jar (a copy of the script in a
 * fabricated project with a fake {@code mvn}, so no real build runs inside the test phase).
 */
class RunBenchScriptTest {
    private static final Path SCRIPT = Path.of("run-bench.sh").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void withoutAJdk25ItExitsTwoAndSaysWhatIsNeededAndWhereToGetIt() throws Exception {
        Path root = Files.createDirectory(temp.resolve("jvm"));
        fakeJdk(root.resolve("java-17-openjdk"), "17", true);

        for (String javaHome : new String[] {null, root.resolve("java-17-openjdk").toString()}) {
            CommandRun run = script(SCRIPT, env(root, javaHome), "--help");

            assertEquals(2, run.exit(), "JAVA_HOME=" + javaHome + ": " + run);
            assertTrue(run.err().contains("shmbench needs a JDK 25 or newer and found none"), run.toString());
            assertTrue(run.err().contains(root + "/*"), "names where it looked: " + run);
            assertTrue(run.err().contains("https://adoptium.net"), "says where to get one: " + run);
            assertTrue(run.err().contains("apt-get install temurin-25-jdk"), run.toString());
            assertTrue(run.err().contains("point JAVA_HOME at it"), run.toString());
            assertTrue(run.out().isEmpty(), run.toString());
        }
    }

    @Test
    void anEmptyOrMissingJvmRootIsNoJdkEither() throws Exception {
        for (Path root : new Path[] {Files.createDirectory(temp.resolve("empty")), temp.resolve("missing")}) {
            CommandRun run = script(SCRIPT, env(root, null));
            assertEquals(2, run.exit(), root + ": " + run);
            assertTrue(run.err().contains("needs a JDK 25 or newer"), run.toString());
        }
    }

    @Test
    void picksTheNewestJdkUnderTheRootIgnoringOlderOnesAndJres() throws Exception {
        Path root = Files.createDirectory(temp.resolve("jvm"));
        fakeJdk(root.resolve("a-jdk-17"), "17", true);
        fakeJdk(root.resolve("b-jdk-26"), "26", true);
        fakeJdk(root.resolve("c-jdk-25"), "25", true);
        fakeJdk(root.resolve("d-jre-27"), "27", false);
        fakeJdk(root.resolve("e-jdk-1.8"), "1.8", true);

        Map<String, String> env = env(root, null);
        env.put("SHMBENCH_PRINT_JDK", "1");
        CommandRun run = script(SCRIPT, env);

        assertEquals(0, run.exit(), run.toString());
        assertEquals(root.resolve("b-jdk-26") + "\n", run.out(), run.toString());
    }

    @Test
    void prefersJavaHomeWhenItIsAJdk25OrNewer() throws Exception {
        Path root = Files.createDirectory(temp.resolve("jvm"));
        fakeJdk(root.resolve("jdk-26"), "26", true);
        Path home = fakeJdk(temp.resolve("my-jdk-25"), "25", true);

        Map<String, String> env = env(root, home.toString());
        env.put("SHMBENCH_PRINT_JDK", "1");
        CommandRun run = script(SCRIPT, env);

        assertEquals(0, run.exit(), run.toString());
        assertEquals(home + "\n", run.out(), run.toString());
    }

    @Test
    void runsTheJarWithoutBuildingWhenItIsNewerThanTheSources() throws Exception {
        Project project = new Project();

        CommandRun run = project.run("clean", "--dry-run");

        assertEquals(0, run.exit(), run.toString());
        assertFalse(Files.exists(project.mvnLog), "no build: " + Files.readString(project.mvnLogOrEmpty()));
        assertEquals("java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
                + " -Djava.awt.headless=true -jar target/shmbench.jar clean --dry-run\n", run.out(), run.toString());
    }

    @Test
    void rebuildsTheJarWhenASourceIsNewer() throws Exception {
        Project project = new Project();
        project.age(project.sources, 10);

        CommandRun run = project.run("--help");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("mvn -B -q -DskipTests package\n", Files.readString(project.mvnLog));
        assertTrue(run.err().contains("run-bench.sh: building target/shmbench.jar"), run.toString());
        assertTrue(run.out().endsWith("-jar target/shmbench.jar --help\n"), "then runs it: " + run);
    }

    @Test
    void rebuildsTheJarWhenThePomIsNewerOrTheJarIsMissing() throws Exception {
        Project project = new Project();
        project.age(project.pom, 10);
        assertEquals(0, project.run().exit());
        assertEquals("mvn -B -q -DskipTests package\n", Files.readString(project.mvnLog));

        Files.delete(project.mvnLog);
        Files.delete(project.jar);
        assertEquals(0, project.run().exit());
        assertEquals("mvn -B -q -DskipTests package\n", Files.readString(project.mvnLog));
    }

    @Test
    void testSubcommandRunsMavenVerifyWithTheProofsAndTheChosenJdk() throws Exception {
        Project project = new Project();

        CommandRun run = project.run("test", "-Dtest=Something");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("mvn -B -Pjcstress verify -Dtest=Something\n", Files.readString(project.mvnLog));
        assertEquals("JAVA_HOME=" + project.jdk + "\n", run.out(), run.toString());
    }

    @Test
    void withoutMavenABuildExitsTwoAndSaysSo() throws Exception {
        Project project = new Project();
        Files.delete(project.jar);
        Path tools = Files.createDirectory(temp.resolve("tools-without-mvn"));
        for (String tool : new String[] {"dirname", "find", "sed", "head", "cat"}) {
            executable(tools.resolve(tool), "#!/bin/sh\nexec " + which(tool) + " \"$@\"\n");
        }
        Map<String, String> env = env(project.jvmRoot, null);
        env.put("PATH", tools.toString());

        CommandRun run = CommandRun.process(project.dir, env, TIMEOUT,
                List.of(which("bash").toString(), project.dir.resolve("run-bench.sh").toString()));

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("needs Maven 3.8 or newer (mvn), which is not on the PATH"), run.toString());
    }

    /** A copy of run-bench.sh in a project of fake files, with a fake JDK 25 and a fake mvn. */
    private final class Project {
        final Path dir = Files.createDirectory(temp.resolve("project"));
        final Path jvmRoot = Files.createDirectory(temp.resolve("project-jvm"));
        final Path jdk = fakeJdk(jvmRoot.resolve("jdk-25"), "25", true);
        final Path bin = Files.createDirectory(temp.resolve("project-bin"));
        final Path mvnLog = temp.resolve("mvn.log");
        final Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        final Path sources = Files.createDirectories(dir.resolve("src/main/java"));
        final Path source = Files.writeString(sources.resolve("A.java"), "class A {}");
        final Path jar = Files.writeString(Files.createDirectory(dir.resolve("target")).resolve("shmbench.jar"), "jar");

        Project() throws IOException {
            Files.copy(SCRIPT, dir.resolve("run-bench.sh"), StandardCopyOption.COPY_ATTRIBUTES);
            // Records how it was called and, like a real package, leaves a fresh jar behind.
            executable(bin.resolve("mvn"), """
                    #!/bin/sh
                    echo "mvn $*" >> "%s"
                    case " $* " in *" verify "*) echo "JAVA_HOME=$JAVA_HOME"; exit 0;; esac
                    mkdir -p target && touch target/shmbench.jar
                    """.formatted(mvnLog));
            // A freshly built checkout: sources, then the jar; each test moves what it needs.
            age(pom, 1000);
            age(sources, 1000);
            age(jar, 500);
        }

        /** Sets the modification time of {@code path} (and of the source in it) to seconds ago. */
        void age(Path path, int secondsAgo) throws IOException {
            FileTime time = FileTime.from(Instant.now().minusSeconds(secondsAgo));
            if (path.equals(sources)) {
                for (Path p = source; !p.equals(dir); p = p.getParent()) {
                    Files.setLastModifiedTime(p, time);
                }
            } else {
                Files.setLastModifiedTime(path, time);
            }
        }

        Path mvnLogOrEmpty() throws IOException {
            return Files.exists(mvnLog) ? mvnLog : Files.writeString(temp.resolve("empty.log"), "");
        }

        CommandRun run(String... args) throws Exception {
            Map<String, String> env = env(jvmRoot, null);
            env.put("PATH", bin + ":" + System.getenv("PATH"));
            return script(dir.resolve("run-bench.sh"), env, args);
        }
    }

    /**
     * A directory that looks like a JDK to run-bench.sh: {@code bin/java} reports the version the
     * way {@code -XshowSettings:properties} does (on stderr) and otherwise echoes its arguments.
     */
    private static Path fakeJdk(Path home, String version, boolean withJavac) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        executable(bin.resolve("java"), """
                #!/bin/sh
                if [ "$1" = -XshowSettings:properties ]; then
                  echo "Property settings:" >&2
                  echo "    java.specification.version = %s" >&2
                  echo "    java.vm.name = fake" >&2
                  exit 0
                fi
                echo "java $*"
                """.formatted(version));
        if (withJavac) {
            executable(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        }
        return home;
    }

    private static void executable(Path path, String text) throws IOException {
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Map<String, String> env(Path jvmRoot, String javaHome) {
        Map<String, String> env = new HashMap<>();
        env.put("SHMBENCH_JVM_ROOT", jvmRoot.toString());
        env.put("JAVA_HOME", javaHome); // null removes it
        env.put("SHMBENCH_PRINT_JDK", null);
        return env;
    }

    private static CommandRun script(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        return CommandRun.process(script.getParent(), env, TIMEOUT, command);
    }

    private static Path which(String tool) throws Exception {
        CommandRun run = CommandRun.process(Path.of("."), Map.of(), TIMEOUT, List.of("sh", "-c", "command -v " + tool));
        assertEquals(0, run.exit(), tool + " is needed by this test: " + run);
        return Path.of(run.out().strip());
    }
}
