package io.shmbench.interop;

import java.util.ArrayList;
import java.util.List;

/** The peer programs a test started; closing kills whichever still runs, so a failed assertion leaves no process. */
final class Peers implements AutoCloseable {
    private final List<PeerRun> runs = new ArrayList<>();

    PeerRun add(PeerRun run) {
        runs.add(run);
        return run;
    }

    @Override
    public void close() {
        runs.forEach(PeerRun::close);
    }
}
