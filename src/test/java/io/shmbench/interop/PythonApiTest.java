package io.shmbench.interop;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingWriter;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * shmring.py's zero-copy reading, as a user calls it: poll, a memoryview and a NumPy array of the
 * payload in place, validate. The NumPy part is skipped where NumPy is not installed (the module
 * itself does not need it); the rest runs on the standard library alone.
 */
@ExtendWith(NoLeaks.class)
class PythonApiTest {
    private static final String SCRIPT = """
            import sys
            sys.path.insert(0, sys.argv[1])
            import shmring
            with shmring.Ring.attach(sys.argv[2]) as ring, ring.reader(policy="oldest") as reader:
                length = reader.poll()
                view = reader.payload()
                first = int.from_bytes(view[:8], "little")
                ok = reader.validate()
                view.release()
                print("poll", length, first, ok)
                assert reader.poll() >= 0
                if sys.argv[3] == "numpy":
                    values = reader.payload_array("<f8")
                    print("numpy", float(values.sum()), len(values), reader.validate())
                    del values
                print("missed", reader.missed, "position", reader.next)
            """;

    @Test
    void zeroCopyReadingWithAndWithoutNumPy() throws Exception {
        PeerProgram.PYTHON.require();
        boolean numpy = run(List.of("python3", "-c", "import numpy"), Duration.ofSeconds(60)).exit() == 0;
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64).withMode(RingMode.OVERWRITE))) {
            Ring ring = temp.ring();
            try (RingWriter writer = ring.openWriter(WaitStrategy.SPIN)) {
                ByteBuffer first = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 4242);
                writer.write(first.array(), 0, 16, TimeUnit.SECONDS.toNanos(5));
                ByteBuffer doubles = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < 6; i++) {
                    doubles.putDouble(i * 8, i + 0.5); // 0.5 + 1.5 + ... + 5.5 = 18
                }
                writer.write(doubles.array(), 0, 48, TimeUnit.SECONDS.toNanos(5));
            }
            Run run = run(List.of("python3", "-c", SCRIPT, PeerPrograms.PYTHON_MODULE.toAbsolutePath().getParent().toString(),
                    ring.path().getFileName().toString(), numpy ? "numpy" : "plain"), Duration.ofSeconds(60));
            assertEquals(0, run.exit(), run.output());
            List<String> lines = run.output().lines().toList();
            assertEquals("poll 16 4242 True", lines.get(0), run.output());
            if (numpy) {
                assertEquals("numpy 18.0 6 True", lines.get(1), run.output());
            }
            assertEquals("missed 0 position 2", lines.getLast(), run.output());
            Assumptions.assumeTrue(numpy, "NumPy is not installed: its view was not tested (the rest was)");
        }
    }

    record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("python-api", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            NoLeaks.track(p.toHandle());
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not end within " + timeout);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
