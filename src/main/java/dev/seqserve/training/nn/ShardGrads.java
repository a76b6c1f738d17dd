package dev.seqserve.training.nn;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Private gradient buffers of one shard, so shards never write to shared memory while they run; the network adds
 * them into the parameters in shard order afterwards, which fixes the summation order.
 */
final class ShardGrads {

    private final List<Param> params;
    private final Map<Param, float[]> buffers = new IdentityHashMap<>();

    ShardGrads(List<Param> params) {
        this.params = List.copyOf(params);
        for (Param p : this.params) {
            buffers.put(p, new float[p.size()]);
        }
    }

    float[] of(Param p) {
        float[] buffer = buffers.get(p);
        if (buffer == null) {
            throw new IllegalArgumentException("no shard buffer for " + p);
        }
        return buffer;
    }

    /** Adds every buffer into its parameter's gradient and clears the buffer. */
    void drainInto() {
        for (Param p : params) {
            float[] buffer = buffers.get(p);
            VectorMath.add(buffer, 0, p.grad(), 0, buffer.length);
            Arrays.fill(buffer, 0f);
        }
    }
}
