package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Hybrid, the layout the telemetry design chose (docs/THEORY.md): per-server headers as an array of small structs (a server's
 * fields are read together), features as columns across servers (one feature is aggregated
 * across servers, vectorisable).
 * <pre>
 * header[N] = { id:int32 | status:int32 | updatedNanos:int64 }  (16 bytes each)
 * feature0[N]:float32 | ... | feature(F-1)[N]:float32            (each column on its own cache line)
 * </pre>
 */
public final class HybridSnapshot extends ColumnarSnapshot {
    HybridSnapshot(int servers, int features) {
        super(PayloadLayout.HYBRID, servers, features,
                SnapshotHeader.SIZE + SnapshotShape.alignUp(ServerStruct.SIZE * servers, SnapshotShape.CACHE_LINE));
    }

    private long header(int server) {
        return SnapshotHeader.SIZE + Objects.checkIndex(server, servers) * ServerStruct.SIZE;
    }

    @Override
    public void write(MemorySegment target, Telemetry source) {
        startWrite(target, source);
        for (int s = 0; s < servers; s++) {
            ServerStruct.write(target, header(s), source, s);
        }
        columns.write(target, source.values);
    }

    @Override
    public long checksum(MemorySegment snapshot) {
        long sum = startChecksum(snapshot);
        for (int s = 0; s < servers; s++) {
            sum += ServerStruct.checksum(snapshot, header(s));
        }
        return sum + columns.rawBitsSum(snapshot);
    }

    @Override
    public int serverId(MemorySegment snapshot, int server) {
        return ServerStruct.id(snapshot, header(server));
    }

    @Override
    public int status(MemorySegment snapshot, int server) {
        return ServerStruct.status(snapshot, header(server));
    }

    @Override
    public long updatedNanos(MemorySegment snapshot, int server) {
        return ServerStruct.updatedNanos(snapshot, header(server));
    }
}
