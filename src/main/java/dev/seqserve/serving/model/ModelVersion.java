package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.serving.model.batch.MicroBatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded, verified version of a model: its manifest, its preprocessing, its session behind its own
 * micro-batching queue, and the task's {@link TaskKernel}. The registry holds one reference while the
 * version serves and every {@link ModelLease} holds another; when the last is released the queue is
 * drained and closed, then the session once its runs are over.
 *
 * @param <P> the preprocessing built from the manifest ({@code TextEncoder}, {@code SeriesCodec})
 * @param <I> one encoded input
 * @param <O> its result
 */
public final class ModelVersion<P, I, O> {

    private final Manifest manifest;
    private final Path folder;
    private final P preprocessing;
    private final TaskKernel<I, O> kernel;
    private final GraphCall call;
    private final ModelSession session;
    private final MicroBatcher<I, O> batcher;
    private final Duration timeout;
    /** The registry's reference (while serving) plus one per open lease; 0 means closed. */
    private final AtomicInteger holders = new AtomicInteger(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    ModelVersion(Manifest manifest, Path folder, P preprocessing, TaskKernel<I, O> kernel, GraphCall call,
            ModelSession session, MicroBatcher<I, O> batcher, Duration timeout) {
        this.manifest = manifest;
        this.folder = folder;
        this.preprocessing = preprocessing;
        this.kernel = kernel;
        this.call = call;
        this.session = session;
        this.batcher = batcher;
        this.timeout = timeout;
    }

    /** The verified manifest. */
    public Manifest manifest() {
        return manifest;
    }

    /** The name and version an answer reports. */
    public ModelRef ref() {
        return new ModelRef(manifest.name(), manifest.version());
    }

    /** The preprocessing built from this version's manifest and files, e.g. its text encoder. */
    public P preprocessing() {
        return preprocessing;
    }

    /** Whether the graph can give each input's attributions (a sentiment graph with an {@code explain} input). */
    public boolean explains() {
        return call.explains();
    }

    /**
     * Queues each input on its own, so that they batch with other requests, and waits for them all.
     *
     * @return one result per input, in order
     * @throws dev.seqserve.serving.model.batch.RequestRejectedException when the queue is full or a deadline passed
     * @throws InferenceTimeoutException when the answers take longer than the request timeout
     */
    public List<O> infer(List<I> inputs) {
        List<CompletableFuture<O>> futures = new ArrayList<>(inputs.size());
        for (I input : inputs) {
            futures.add(batcher.submit(input));
        }
        return Futures.awaitAll(futures, manifest.name(), timeout);
    }

    /** The folder the version was loaded from (never shown to clients). */
    Path folder() {
        return folder;
    }

    /**
     * Runs the kernel's warm-up batches straight on the session.
     *
     * @throws ArtifactException naming the graph file when a warm-up run fails
     */
    void warmUp() {
        try {
            for (List<I> batch : kernel.warmUpBatches()) {
                kernel.run(call, batch);
            }
        } catch (RuntimeException e) {
            throw new ArtifactException(folder, manifest.onnx().file(), "warm-up inference failed: " + e.getMessage(), e);
        }
    }

    /** Takes a reference for a lease; false once the version has closed. */
    boolean retain() {
        for (int n = holders.get(); n > 0; n = holders.get()) {
            if (holders.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Drops a reference; the last one closes the version. */
    void release() {
        if (holders.decrementAndGet() == 0) {
            close();
        }
    }

    /** Whether the queue and session have been closed. */
    boolean isClosed() {
        return closed.get();
    }

    /** Stops the queue (running what it accepted), then closes the session after its runs; once. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            batcher.close();
            session.close();
        }
    }
}
