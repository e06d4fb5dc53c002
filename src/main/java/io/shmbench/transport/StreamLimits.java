package io.shmbench.transport;

/** The byte-stream transports' limit: the frame header's length field, kept well inside an int. */
final class StreamLimits {
    static final SizeLimit SIZE_LIMIT = new SizeLimit(1 << 30, "the 4-byte frame length of the suite's stream framing");

    private StreamLimits() {
    }

    static void check(String transport, ChannelConfig config) {
        if (!SIZE_LIMIT.allows(config.maxMessageSize())) {
            throw SIZE_LIMIT.tooLarge(transport, config.maxMessageSize());
        }
    }
}
