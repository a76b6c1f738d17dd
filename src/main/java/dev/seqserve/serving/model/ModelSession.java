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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model version's ONNX Runtime session. Runs share it (ONNX Runtime's {@code run} is thread-safe);
 * closing waits for the runs in flight, and refuses new ones, before the native session is freed
 * (freeing it under a run crashes the JVM, onnxruntime #21812).
 */
final class ModelSession implements AutoCloseable {

    /** Reads what a run produced while its {@link OrtSession.Result} is still open. */
    @FunctionalInterface
    interface ResultReader<T> {
        T read(OrtSession.Result result) throws OrtException;
    }

    private static final Logger log = LoggerFactory.getLogger(ModelSession.class);

    private final ModelRef ref;
    private final OrtSession session;
    private final Duration closeTimeout;
    private final SessionListener listener;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

    private ModelSession(ModelRef ref, OrtSession session, Duration closeTimeout, SessionListener listener) {
        this.ref = ref;
        this.session = session;
        this.closeTimeout = closeTimeout;
        this.listener = listener;
    }

    /**
     * Creates the session of a verified artifact.
     *
     * @throws ArtifactException naming the ONNX file when ONNX Runtime cannot load it
     */
    static ModelSession open(OrtEnvironment env, ArtifactFolder artifact, SessionSettings settings,
            SessionListener listener) {
        String file = artifact.manifest().onnx().file();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            options.setExecutionMode(settings.interOpThreads() > 1
                    ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                    : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(artifact.modelFile().toString(), options);
            ModelRef ref = new ModelRef(artifact.manifest().name(), artifact.manifest().version());
            listener.opened(ref);
            return new ModelSession(ref, session, settings.closeTimeout(), listener);
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
     * Runs the graph on a batch; the result is closed when {@code reader} returns.
     *
     * @param batchSize how many inputs the tensors hold, for the listener
     * @throws IllegalStateException if the session is closing or closed
     */
    <T> T run(int batchSize, Map<String, OnnxTensor> inputs, ResultReader<T> reader) throws OrtException {
        if (closed || !lock.readLock().tryLock()) {
            throw new IllegalStateException("model " + ref.name() + " version " + ref.version() + " is shut down");
        }
        long start = System.nanoTime();
        boolean success = false;
        try {
            if (closed) {
                throw new IllegalStateException("model " + ref.name() + " version " + ref.version() + " is shut down");
            }
            try (OrtSession.Result result = session.run(inputs)) {
                T value = reader.read(result);
                success = true;
                return value;
            }
        } finally {
            listener.ran(ref, batchSize, success, System.nanoTime() - start);
            lock.readLock().unlock();
        }
    }

    /** Refuses new runs, waits up to the close timeout for running ones, then frees the session; once. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        boolean drained = false;
        try {
            drained = lock.writeLock().tryLock(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!drained) {
            // Freeing a session under a running inference would crash the JVM; leaking it does not.
            log.warn("Model {} version {}: runs still in flight after {}; leaving its ONNX Runtime session open",
                    ref.name(), ref.version(), closeTimeout);
            return;
        }
        try {
            session.close();
            listener.closed(ref);
        } catch (OrtException e) {
            log.warn("Model {} version {}: closing its ONNX Runtime session failed: {}", ref.name(), ref.version(),
                    e.getMessage());
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
