package io.shmbench.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every transport by the name the command line and the results use, in the order reports list
 * them: kernel transports, then the suite's shared-memory ones (the ring beside its C-peer
 * reference, {@code shm-ring-c}), then the reference peers.
 */
public final class Transports {
    private static final Map<String, Supplier<Transport>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(PipeTransport.NAME, PipeTransport::new);
        BY_NAME.put(FifoTransport.NAME, FifoTransport::new);
        BY_NAME.put(TcpTransport.NAME, TcpTransport::new);
        BY_NAME.put(UdsTransport.NAME, UdsTransport::new);
        BY_NAME.put(MqTransport.NAME, MqTransport::new);
        BY_NAME.put(ChronicleStyleTransport.NAME, ChronicleStyleTransport::new);
        BY_NAME.put(ShmRingTransport.NAME, ShmRingTransport::new);
        BY_NAME.put(ShmRingCTransport.NAME, ShmRingCTransport::new);
        BY_NAME.put(FloorTransport.NAME, FloorTransport::new);
        BY_NAME.put(AgronaTransport.NAME, AgronaTransport::new);
        BY_NAME.put(ChronicleQueueTransport.NAME, ChronicleQueueTransport::new);
    }

    private Transports() {
    }

    /** All names, in report order. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(BY_NAME.keySet()));
    }

    /**
     * The transport of that name.
     *
     * @throws IllegalArgumentException naming the valid names when there is none
     */
    public static Transport byName(String name) {
        Supplier<Transport> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown transport '" + name + "'; valid: " + String.join(", ", names()));
        }
        return factory.get();
    }

    public static List<Transport> all() {
        return BY_NAME.values().stream().map(Supplier::get).toList();
    }
}
