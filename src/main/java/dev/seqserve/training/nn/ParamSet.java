package dev.seqserve.training.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trainable parameters of one network, with the whole-model operations: zeroing, clipping, snapshots. */
public final class ParamSet {

    private final List<Param> params;
    private final Map<String, Param> byName = new LinkedHashMap<>();

    /**
     * Wraps the parameters of a network.
     *
     * @param params the parameters, names unique
     * @throws IllegalArgumentException if two share a name
     */
    public ParamSet(List<Param> params) {
        this.params = List.copyOf(params);
        for (Param p : this.params) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("duplicate parameter name " + p.name());
            }
        }
    }

    /**
     * The parameters in their stable order.
     *
     * @return an unmodifiable list
     */
    public List<Param> list() {
        return params;
    }

    /**
     * Looks a parameter up by name.
     *
     * @param name such as {@code rnn0.W}
     * @return the parameter
     * @throws IllegalArgumentException if there is none of that name
     */
    public Param get(String name) {
        Param p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter " + name + "; have " + byName.keySet());
        }
        return p;
    }

    /**
     * Total number of scalars.
     *
     * @return the sum of the parameter sizes
     */
    public long count() {
        long n = 0;
        for (Param p : params) {
            n += p.size();
        }
        return n;
    }

    /** Sets every gradient to zero. */
    public void zeroGrad() {
        for (Param p : params) {
            p.zeroGrad();
        }
    }

    /**
     * The L2 norm of all gradients taken together.
     *
     * @return the global gradient norm
     */
    public double gradNorm() {
        double sum = 0;
        for (Param p : params) {
            sum += p.gradSquaredNorm();
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales all gradients down together so that their global L2 norm is at most {@code maxNorm}.
     *
     * @param maxNorm the largest norm allowed, positive
     * @return the norm before clipping (useful to log)
     */
    public double clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
        double norm = gradNorm();
        if (norm > maxNorm) {
            float factor = (float) (maxNorm / (norm + 1e-6));
            for (Param p : params) {
                p.scaleGrad(factor);
            }
        }
        return norm;
    }

    /**
     * Copies every value array, for example to keep the best weights seen on the dev split.
     *
     * @return one copy per parameter, in {@link #list()} order
     */
    public List<float[]> snapshot() {
        List<float[]> copy = new ArrayList<>(params.size());
        for (Param p : params) {
            copy.add(p.value().clone());
        }
        return copy;
    }

    /**
     * Writes values taken by {@link #snapshot()} back.
     *
     * @param values one array per parameter, in {@link #list()} order
     * @throws IllegalArgumentException if the count or a size differs
     */
    public void restore(List<float[]> values) {
        if (values.size() != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arrays, got " + values.size());
        }
        for (int i = 0; i < params.size(); i++) {
            float[] target = params.get(i).value();
            float[] source = values.get(i);
            if (source.length != target.length) {
                throw new IllegalArgumentException(params.get(i).name() + ": size " + source.length + " != " + target.length);
            }
            System.arraycopy(source, 0, target, 0, target.length);
        }
    }

    /**
     * Writes every parameter's name, size and values (little-endian float32), e.g. a pretraining checkpoint.
     *
     * @param file replaced if present
     */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                java.nio.file.Files.newOutputStream(file)))) {
            out.writeInt(params.size());
            for (Param p : params) {
                out.writeUTF(p.name());
                out.writeInt(p.size());
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(p.size() * Float.BYTES)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(p.value());
                out.write(bytes.array());
            }
        }
    }

    /**
     * Reads values written by {@link #save} into these parameters.
     *
     * @throws java.io.IOException if the file holds other parameters, by name or size
     */
    public void load(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.file.Files.newInputStream(file)))) {
            int count = in.readInt();
            if (count != params.size()) {
                throw new java.io.IOException(file + ": " + count + " parameters, expected " + params.size());
            }
            for (Param p : params) {
                String name = in.readUTF();
                int size = in.readInt();
                if (!name.equals(p.name()) || size != p.size()) {
                    throw new java.io.IOException(file + ": holds " + name + " of " + size + " values where "
                            + p.name() + " of " + p.size() + " was expected");
                }
                byte[] bytes = in.readNBytes(size * Float.BYTES);
                java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(p.value());
            }
        }
    }
}
