package io.shmbench.testutil;

import io.shmbench.transport.Transport;
import io.shmbench.transport.Transports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** For tests that go through every transport: skips one this machine cannot run (shm-ring-c without a C compiler), saying why. */
public final class RunsHere {
    private RunsHere() {
    }

    public static Transport transport(String name) {
        Transport transport = Transports.byName(name);
        assumeTrue(transport.unavailable().isEmpty(), () -> name + " is skipped: " + transport.unavailable().get());
        return transport;
    }
}
