package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A served forecast model: its series codec and its queue in front of the session. */
public final class ForecastModel implements ServedModel {

    private final Manifest manifest;
    private final Path folder;
    private final SeriesCodec codec;
    private final ForecastRunner runner;
    private final Inference<float[], float[]> inference;
    private final ModelSession session;
    private final Duration timeout;

    ForecastModel(Manifest manifest, Path folder, SeriesCodec codec, ForecastRunner runner,
            Inference<float[], float[]> inference, ModelSession session, Duration timeout) {
        this.manifest = manifest;
        this.folder = folder;
        this.codec = codec;
        this.runner = runner;
        this.inference = inference;
        this.session = session;
        this.timeout = timeout;
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public Path folder() {
        return folder;
    }

    /** The codec built from this model's manifest. */
    public SeriesCodec codec() {
        return codec;
    }

    /**
     * Runs the model on one encoded window.
     *
     * @param input {@code codec().encode(series)}
     * @return the model's raw output, {@code maxHorizon} values for {@code codec().decode}
     * @throws dev.seqserve.serving.model.batch.RequestRejectedException when the queue is full or a deadline passed
     * @throws InferenceTimeoutException when the answer takes longer than the request timeout
     */
    public float[] forecast(float[] input) {
        return Futures.awaitAll(inference.submitAll(List.of(input)), name(), timeout).get(0);
    }

    @Override
    public void warmUp() {
        try {
            runner.run(List.of(new float[codec.window() * codec.features()]));
        } catch (RuntimeException e) {
            throw new ArtifactException(folder, manifest.onnx().file(), "warm-up inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        inference.close();
        session.close();
    }
}
