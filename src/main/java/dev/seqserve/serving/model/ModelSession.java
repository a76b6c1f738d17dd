package dev.seqserve.serving.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.ArtifactFolder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model's ONNX Runtime session. Runs share it (ONNX Runtime's {@code run} is thread-safe);
 * closing waits for the runs in flight, and refuses new ones, before the native session is freed.
 */
final class ModelSession implements AutoCloseable {

    /** Reads what a run produced while its {@link OrtSession.Result} is still open. */
    @FunctionalInterface
    interface ResultReader<T> {
        T read(OrtSession.Result result) throws OrtException;
    }

    private static final Logger log = LoggerFactory.getLogger(ModelSession.class);

    private final String name;
    private final OrtSession session;
    private final Duration closeTimeout;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private ModelSession(String name, OrtSession session, Duration closeTimeout) {
        this.name = name;
        this.session = session;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Creates the session of a verified artifact.
     *
     * @throws ArtifactException naming the ONNX file when ONNX Runtime cannot load it
     */
    static ModelSession open(OrtEnvironment env, ArtifactFolder artifact, SessionSettings settings) {
        String file = artifact.manifest().onnx().file();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            options.setExecutionMode(settings.interOpThreads() > 1
                    ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                    : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(artifact.modelFile().toString(), options);
            return new ModelSession(artifact.manifest().name(), session, settings.closeTimeout());
        } catch (OrtException e) {
            throw new ArtifactException(artifact.folder(), file, "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
    }

    /** The graph's input names. */
    Set<String> inputNames() {
        return session.getInputNames();
    }

    /** The graph's output names. */
    Set<String> outputNames() {
        return session.getOutputNames();
    }

    /**
     * Runs the graph; the result is closed when {@code reader} returns.
     *
     * @throws IllegalStateException if the session is closing or closed
     */
    <T> T run(Map<String, OnnxTensor> inputs, ResultReader<T> reader) throws OrtException {
        if (closed || !lock.readLock().tryLock()) {
            throw new IllegalStateException("model " + name + " is shut down");
        }
        try {
            if (closed) {
                throw new IllegalStateException("model " + name + " is shut down");
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return reader.read(result);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Refuses new runs, waits up to the close timeout for running ones, then frees the session. */
    @Override
    public void close() {
        closed = true;
        boolean drained = false;
        try {
            drained = lock.writeLock().tryLock(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!drained) {
            // Freeing a session under a running inference would crash the JVM; leaking it at shutdown does not.
            log.warn("Model {}: runs still in flight after {}; leaving its ONNX Runtime session open", name, closeTimeout);
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("Model {}: closing its ONNX Runtime session failed: {}", name, e.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * How sessions are created.
     *
     * @param intraOpThreads threads inside one operator
     * @param interOpThreads threads across independent operators
     * @param closeTimeout how long closing waits for running inferences
     */
    record SessionSettings(int intraOpThreads, int interOpThreads, Duration closeTimeout) {}
}
