package dev.seqserve.serving.model;

import ai.onnxruntime.OrtEnvironment;
import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.model.batch.BatchSettings;
import dev.seqserve.serving.model.batch.MicroBatcher;
import java.nio.file.Path;
import java.time.Duration;

/** Turns one verified artifact folder into a served model: encoder or codec, session, runner, queue. */
final class ModelLoader {

    private final OrtEnvironment env;
    private final ModelSession.SessionSettings sessionSettings;
    private final SeqserveProperties.Batching batching;
    private final Duration timeout;
    private final ModelMetrics metrics;

    ModelLoader(OrtEnvironment env, SeqserveProperties properties, ModelMetrics metrics) {
        SeqserveProperties.Models models = properties.models();
        this.env = env;
        this.sessionSettings = new ModelSession.SessionSettings(
                models.intraOpThreads(), models.interOpThreads(), models.closeTimeout());
        this.batching = properties.batching();
        this.timeout = properties.limits().requestTimeout();
        this.metrics = metrics;
    }

    /**
     * @throws ArtifactException naming the folder, the file and the reason when the model cannot be served
     */
    ServedModel load(Path folder) {
        ArtifactFolder artifact = ArtifactFolder.open(folder);
        Manifest manifest = artifact.manifest();
        String expected = folder.getFileName().toString();
        if (!manifest.name().equals(expected)) {
            throw new ArtifactException(folder, ArtifactFolder.MANIFEST_FILE,
                    "names the model \"" + manifest.name() + "\" but its folder is \"" + expected + "\"");
        }
        return switch (manifest.task()) {
            case SENTIMENT -> sentiment(artifact);
            case FORECAST -> forecast(artifact);
        };
    }

    private SentimentModel sentiment(ArtifactFolder artifact) {
        Manifest manifest = artifact.manifest();
        TextEncoder encoder;
        try {
            encoder = TextEncoder.from(manifest, artifact.vocabulary());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.folder(), manifest.text().vocabularyFile(), e.getMessage(), e);
        }
        ModelSession session = ModelSession.open(env, artifact, sessionSettings);
        try {
            Signature signature = Signature.resolve(artifact, session, "int64");
            SentimentRunner runner = new SentimentRunner(env, session, signature, manifest.text().padId(),
                    manifest.name(), metrics);
            Inference<int[], Float> inference = new BatchedInference<>(new MicroBatcher<>(
                    runner::run, ids -> ids.length, settings(manifest.name()), metrics.batchListener(manifest.name())));
            return new SentimentModel(manifest, artifact.folder(), encoder, runner, inference, session, timeout);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private ForecastModel forecast(ArtifactFolder artifact) {
        Manifest manifest = artifact.manifest();
        SeriesCodec codec;
        try {
            codec = SeriesCodec.from(manifest.series());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.folder(), ArtifactFolder.MANIFEST_FILE, e.getMessage(), e);
        }
        ModelSession session = ModelSession.open(env, artifact, sessionSettings);
        try {
            Signature signature = Signature.resolve(artifact, session, "float");
            ForecastRunner.Shape shape = new ForecastRunner.Shape(codec.window(), codec.features(), codec.maxHorizon());
            ForecastRunner runner = new ForecastRunner(env, session, signature, shape, manifest.name(), metrics);
            Inference<float[], float[]> inference = new BatchedInference<>(new MicroBatcher<>(
                    runner::run, input -> 1, settings(manifest.name()), metrics.batchListener(manifest.name())));
            return new ForecastModel(manifest, artifact.folder(), codec, runner, inference, session, timeout);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The batching defaults with this model's overrides. */
    BatchSettings settings(String model) {
        SeqserveProperties.Batching.ModelBatching o = batching.overrides().get(model);
        BatchSettings settings = new BatchSettings(batching.maxBatchSize(), batching.maxDelay(),
                batching.queueCapacity(), batching.deadline(), batching.workers(), model);
        if (o == null) {
            return settings;
        }
        if (o.maxBatchSize() != null) {
            settings = settings.withMaxBatchSize(o.maxBatchSize());
        }
        if (o.maxDelay() != null) {
            settings = settings.withMaxDelay(o.maxDelay());
        }
        if (o.queueCapacity() != null) {
            settings = settings.withQueueCapacity(o.queueCapacity());
        }
        if (o.deadline() != null) {
            settings = settings.withDeadline(o.deadline());
        }
        if (o.workers() != null) {
            settings = settings.withWorkers(o.workers());
        }
        return settings;
    }
}
