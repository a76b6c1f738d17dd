package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.TextEncoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A served sentiment model: its text encoder and its queue in front of the session. */
public final class SentimentModel implements ServedModel {

    private final Manifest manifest;
    private final Path folder;
    private final TextEncoder encoder;
    private final SentimentRunner runner;
    private final Inference<int[], Float> inference;
    private final ModelSession session;
    private final Duration timeout;

    SentimentModel(Manifest manifest, Path folder, TextEncoder encoder, SentimentRunner runner,
            Inference<int[], Float> inference, ModelSession session, Duration timeout) {
        this.manifest = manifest;
        this.folder = folder;
        this.encoder = encoder;
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

    /** The encoder built from this model's manifest and vocabulary. */
    public TextEncoder encoder() {
        return encoder;
    }

    /**
     * Scores token id sequences, each queued on its own so that they batch with other requests.
     *
     * @return the probability of the positive class of each sequence, in order
     * @throws dev.seqserve.serving.model.batch.RequestRejectedException when the queue is full or a deadline passed
     * @throws InferenceTimeoutException when the answers take longer than the request timeout
     */
    public List<Float> score(List<int[]> sequences) {
        return Futures.awaitAll(inference.submitAll(sequences), name(), timeout);
    }

    @Override
    public void warmUp() {
        int maxLength = manifest.text().maxLength();
        int[] full = new int[maxLength];
        Arrays.fill(full, manifest.text().oovId());
        try {
            runner.run(List.of(full));
            runner.run(List.of(new int[] {manifest.text().oovId()}, new int[0]));
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
