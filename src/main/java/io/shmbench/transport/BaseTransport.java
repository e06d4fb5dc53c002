package io.shmbench.transport;

import java.util.List;

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
}
