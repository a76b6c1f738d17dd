package dev.seqserve.serving.model;

import ai.onnxruntime.OrtEnvironment;
import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.model.batch.MicroBatcher;
import java.time.Duration;

/**
 * Turns one version folder into a served {@link ModelVersion}: verify it through
 * {@link ArtifactFolder#open} (manifest and checksums), check it belongs where it lies, build its
 * preprocessing, open its session, match the manifest against the graph, start its queue.
 */
final class ModelLoader {

    private final OrtEnvironment env;
    private final ModelSession.SessionSettings sessionSettings;
    private final SeqserveProperties.Batching batching;
    private final Duration timeout;
    private final ModelMetrics metrics;
    private final SessionListener listener;

    ModelLoader(OrtEnvironment env, SeqserveProperties properties, ModelMetrics metrics, SessionListener listener) {
        SeqserveProperties.Models models = properties.models();
        this.env = env;
        this.sessionSettings = new ModelSession.SessionSettings(
                models.intraOpThreads(), models.interOpThreads(), models.closeTimeout());
        this.batching = properties.batching();
        this.timeout = properties.limits().requestTimeout();
        this.metrics = metrics;
        this.listener = listener;
    }

    /**
     * Reads and verifies a version's folder and checks that it is the version its place says.
     *
     * @throws ArtifactException naming the folder, the file and the reason when it does not hold
     */
    ArtifactFolder verify(VersionOnDisk candidate) {
        ArtifactFolder artifact = ArtifactFolder.open(candidate.folder());
        Manifest manifest = artifact.manifest();
        if (!manifest.name().equals(candidate.model())) {
            throw new ArtifactException(artifact.folder(), ArtifactFolder.MANIFEST_FILE,
                    "names the model \"" + manifest.name() + "\" but its folder is \"" + candidate.model() + "\"");
        }
        if (!manifest.version().equals(candidate.version())) {
            throw new ArtifactException(artifact.folder(), ArtifactFolder.MANIFEST_FILE,
                    "names the version \"" + manifest.version() + "\" but its folder is \"" + candidate.version() + "\"");
        }
        return artifact;
    }

    /**
     * Builds a verified version's preprocessing, session and queue.
     *
     * @throws ArtifactException naming the file and the reason when it cannot be served
     */
    ModelVersion<?, ?, ?> build(ArtifactFolder artifact) {
        Manifest manifest = artifact.manifest();
        return switch (manifest.task()) {
            case SENTIMENT -> build(artifact, encoder(artifact), new SentimentKernel(manifest.text()));
            case FORECAST -> {
                SeriesCodec codec = codec(artifact);
                yield build(artifact, codec, new ForecastKernel(codec));
            }
        };
    }

    private <P, I, O> ModelVersion<P, I, O> build(ArtifactFolder artifact, P preprocessing, TaskKernel<I, O> kernel) {
        Manifest manifest = artifact.manifest();
        ModelSession session = ModelSession.open(env, artifact, sessionSettings, listener);
        try {
            Signature signature = Signature.resolve(artifact, session, kernel.valuesType());
            ModelRef ref = new ModelRef(manifest.name(), manifest.version());
            GraphCall call = new GraphCall(env, session, signature, ref);
            MicroBatcher<I, O> batcher = new MicroBatcher<>(batch -> kernel.run(call, batch), kernel::cost,
                    batching.forModel(manifest.name()), metrics.batchListener(ref));
            return new ModelVersion<>(manifest, artifact.folder(), preprocessing, kernel, call, session, batcher, timeout);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static TextEncoder encoder(ArtifactFolder artifact) {
        Manifest manifest = artifact.manifest();
        try {
            return TextEncoder.from(manifest, artifact.vocabulary());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.folder(), manifest.text().vocabularyFile(), e.getMessage(), e);
        }
    }

    private static SeriesCodec codec(ArtifactFolder artifact) {
        try {
            return SeriesCodec.from(artifact.manifest().series());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.folder(), ArtifactFolder.MANIFEST_FILE, e.getMessage(), e);
        }
    }
}
