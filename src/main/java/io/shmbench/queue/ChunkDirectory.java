package io.shmbench.queue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Finds chunks in a queue directory. Chunks are numbered 0, 1, 2, ... without gaps and never
 * disappear while the queue exists, so the newest is found by probing numbers (exponentially, then
 * by bisection) and the chunk holding record k by a binary search over chunk headers' first index:
 * O(log chunks) small file reads either way, no directory listing.
 */
final class ChunkDirectory {
    private final Path directory;
    private final QueueConfig config;
    /** The newest chunk seen so far: a later search starts there. */
    private volatile long newestSeen;

    ChunkDirectory(Path directory, QueueConfig config) {
        this.directory = directory;
        this.config = config;
    }

    boolean exists(long number) {
        return Files.exists(Chunk.path(directory, number), LinkOption.NOFOLLOW_LINKS);
    }

    /** Number of the newest chunk (chunk 0 always exists). */
    long newest() {
        long low = newestSeen;
        long step = 1;
        while (exists(low + step)) {
            low += step;
            step *= 2;
        }
        long high = low + step; // known not to exist
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (exists(mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        newestSeen = low;
        return low;
    }

    /** The chunk to look for record {@code index} in: the newest one whose first index is at most {@code index}. */
    long locate(long index) {
        long low = 0;
        long high = newest();
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            if (firstIndex(mid) <= index) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private long firstIndex(long number) {
        Path path = Chunk.path(directory, number);
        return ChunkHeader.read(path, number).requireConfig(config, path).firstIndex();
    }
}
