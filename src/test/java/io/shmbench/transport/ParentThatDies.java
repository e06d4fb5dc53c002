package io.shmbench.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A parent process for {@link PeerLifecycleTest}: starts an echo peer over the transport named in
 * {@code args[0]} (log file {@code args[1]}), prints the peer's pid, and waits to be killed.
 */
public final class ParentThatDies {
    private ParentThatDies() {
    }

    public static void main(String[] args) throws InterruptedException {
        Transport transport = Transports.byName(args[0]);
        ChannelConfig config = ChannelConfig.of(Math.min(64, transport.sizeLimit().maxBytes()));
        PeerProcess peer = PeerProcess.start(transport, config, PeerTask.echo(), Path.of(args[1]));
        System.out.println(peer.pid());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
