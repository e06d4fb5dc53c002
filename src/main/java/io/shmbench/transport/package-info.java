/**
 * Every transport the suite compares, behind one small API, each running between two real
 * processes.
 *
 * <h2>How a benchmark uses it</h2>
 * <pre>{@code
 * ChannelConfig config = ChannelConfig.of(4096).withWaitMode(WaitMode.SPIN);
 * try (PeerProcess peer = PeerProcess.start(Transports.byName("uds"), config, PeerTask.echo(), logFile)) {
 *     Channel channel = peer.channel();
 *     MemorySegment out = arena.allocate(config.maxMessageSize());   // made once
 *     MemorySegment in = arena.allocate(config.maxMessageSize());
 *     channel.send(out, 100);               // the first 100 bytes of out
 *     int length = channel.receive(in);      // the echo, into in
 * }                                          // stops the peer, removes every file, queue and segment
 * }</pre>
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.shmbench.transport.Channel}: whole messages both ways, a timeout on every blocking
 *       call, clean close; errors are unchecked {@link io.shmbench.ipc.ChannelException}s
 *       ({@link io.shmbench.transport.ChannelTimeoutException},
 *       {@link io.shmbench.ipc.PeerGoneException},
 *       {@link io.shmbench.ipc.MessageTooLargeException}).</li>
 *   <li>{@link io.shmbench.transport.ChannelConfig}: largest message, timeout, queue depth and
 *       {@link io.shmbench.transport.WaitMode} (kernel-blocking or busy-polling).</li>
 *   <li>{@link io.shmbench.transport.Transport}: the SPI. The parent side {@code prepare}s the
 *       resources and hands the peer the arguments it needs to open the other end;
 *       {@link io.shmbench.transport.Transport#sizeLimit()} says up front what it cannot carry.</li>
 *   <li>{@link io.shmbench.transport.Transports}: the registry by name ({@code pipe}, {@code fifo},
 *       {@code tcp}, {@code uds}, {@code mq}, {@code chronicle-style}, {@code shm-ring}, {@code shm-ring-c},
 *       {@code floor}, {@code agrona}, {@code chronicle-queue}).</li>
 *   <li>{@link io.shmbench.transport.PeerProcess} starts {@link io.shmbench.transport.PeerMain} in a
 *       child JVM running one {@link io.shmbench.transport.PeerTask} (echo, sink, source; see
 *       {@link io.shmbench.transport.PeerRole}, {@link io.shmbench.transport.SinkReport};
 *       the messages are {@link io.shmbench.message.CheckedMessage}s) and always stops it.
 *       {@code shm-ring-c}'s peer is a C program instead (src/main/c/shmring_peer.c, built at run
 *       time when a C compiler is there), which takes PeerMain's command line and keeps its
 *       protocol, for echo and sink.</li>
 * </ul>
 *
 * <h2>Cost rules</h2>
 * The send and receive paths allocate nothing once compiled (HotPathAllocationTest) and copy no
 * more than the mechanism requires: kernel transports make their system calls through FFM straight
 * on the caller's segment (sockets included: NIO only sets them up), shared-memory transports copy
 * once into the shared slot and once out of it. Pass native segments: a heap segment works but
 * costs a second system call per send on stream transports (no {@code writev} of heap memory).
 */
package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.ipc.PeerGoneException;
