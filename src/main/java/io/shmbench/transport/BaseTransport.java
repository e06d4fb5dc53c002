package io.shmbench.transport;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What every {@link Transport} does the same way: its name, description and limit, and the checks of its inputs. */
abstract class BaseTransport implements Transport {
    /** The byte-stream transports' limit: the frame header's length field, kept well inside an int. */
    static final SizeLimit STREAM_LIMIT = new SizeLimit(1 << 30, "the 4-byte frame length of the suite's stream framing");

    private final String name;
    private final String description;
    private final SizeLimit limit;

    /** @param limit the fixed limit, or null when the transport computes it ({@link #sizeLimit()} overridden) */
    BaseTransport(String name, String description, SizeLimit limit) {
        this.name = name;
        this.description = description;
        this.limit = limit;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public SizeLimit sizeLimit() {
        return limit;
    }

    /** Refuses a channel whose largest message is over {@link #sizeLimit()}, naming the limit. */
    final void checkSize(ChannelConfig config) {
        SizeLimit current = sizeLimit();
        if (!current.allows(config.maxMessageSize())) {
            throw current.tooLarge(name, config.maxMessageSize());
        }
    }

    /** The peer's arguments, refusing the wrong number with what they should be. */
    final List<String> peerArgs(List<String> args, String... meaning) {
        if (args.size() != meaning.length) {
            throw new IllegalArgumentException(name + " peer needs " + meaning.length + " argument" + (meaning.length == 1 ? "" : "s")
                    + " (" + String.join(", ", meaning) + "), got " + args);
        }
        return args;
    }

    /**
     * Opens a pair of resources (one per direction) and builds what owns them, in that order; when a
     * step throws, releases whatever was already opened (the newer first) and rethrows. Every
     * two-resource transport's setup goes through here, parent and peer: otherwise a bad second path
     * or a failing channel constructor leaves the first resource's mapping, file or appender lock
     * behind, and each hand-written try/catch got a different step wrong. A failure while releasing
     * is added to the original as suppressed. Once {@code build} returns, its result owns both.
     *
     * @param release undoes one open: close for the peer (it attached), unlink or delete as well for
     *                the parent (it created the files)
     */
    static <T, R> R openPair(Supplier<? extends T> first, Supplier<? extends T> second, Consumer<? super T> release,
                             BiFunction<? super T, ? super T, ? extends R> build) {
        T a = first.get();
        T b;
        try {
            b = second.get();
        } catch (RuntimeException | Error e) {
            releaseAfter(e, release, a);
            throw e;
        }
        try {
            return build.apply(a, b);
        } catch (RuntimeException | Error e) {
            releaseAfter(e, release, b);
            releaseAfter(e, release, a);
            throw e;
        }
    }

    private static <T> void releaseAfter(Throwable failure, Consumer<? super T> release, T resource) {
        try {
            release.accept(resource);
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
        }
    }
}
