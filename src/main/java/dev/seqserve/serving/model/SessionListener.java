package dev.seqserve.serving.model;

import java.util.List;

/**
 * Observes the ONNX Runtime sessions of model versions: opened, each run, closed. {@link ModelMetrics}
 * is one; every listener bean in the context is told. Methods are called on the threads that open,
 * run and close sessions and must return quickly; {@link #ran} is called before the run releases the
 * session, so a {@link #closed} always comes after the last {@code ran} of its version.
 */
public interface SessionListener {

    /** A session of {@code version} has been created. */
    default void opened(ModelRef version) { }

    /**
     * A session run of {@code version} has ended.
     *
     * @param batchSize how many inputs the run held
     * @param success whether ONNX Runtime answered
     * @param nanos how long the run took
     */
    default void ran(ModelRef version, int batchSize, boolean success, long nanos) { }

    /** The session of {@code version} has been freed, after its last run. */
    default void closed(ModelRef version) { }

    /** One listener that tells each of {@code listeners} in order. */
    static SessionListener all(List<? extends SessionListener> listeners) {
        List<SessionListener> copy = List.copyOf(listeners);
        return new SessionListener() {
            @Override
            public void opened(ModelRef version) {
                copy.forEach(l -> l.opened(version));
            }

            @Override
            public void ran(ModelRef version, int batchSize, boolean success, long nanos) {
                copy.forEach(l -> l.ran(version, batchSize, success, nanos));
            }

            @Override
            public void closed(ModelRef version) {
                copy.forEach(l -> l.closed(version));
            }
        };
    }
}
