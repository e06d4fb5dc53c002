package io.shmbench.transport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** For tests that go through every transport: skips one this machine cannot run (shm-ring-c without a C compiler), saying why. */
final class RunsHere {
    private RunsHere() {
    }

    static Transport transport(String name) {
        Transport transport = Transports.byName(name);
        assumeTrue(transport.unavailable().isEmpty(), () -> name + " is skipped: " + transport.unavailable().get());
        return transport;
    }
}
