package dev.seqserve.serving.model;

/**
 * A request's hold on one model version: encoding, inference and the answer all use this version, and
 * a version replaced by a reload is closed only after every lease on it is closed. Not thread-safe;
 * close it once the request's inferences have returned (try-with-resources).
 *
 * @param <P> the version's preprocessing
 * @param <I> one encoded input
 * @param <O> its result
 */
public final class ModelLease<P, I, O> implements AutoCloseable {

    private final ModelVersion<P, I, O> version;
    private boolean released;

    ModelLease(ModelVersion<P, I, O> version) {
        this.version = version;
    }

    /** The leased version. */
    public ModelVersion<P, I, O> version() {
        return version;
    }

    /** Releases the version; closing twice releases once. */
    @Override
    public void close() {
        if (!released) {
            released = true;
            version.release();
        }
    }
}
