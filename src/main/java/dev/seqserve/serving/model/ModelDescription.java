package dev.seqserve.serving.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.seqserve.artifact.Manifest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code GET /models} says about one model: the serving version's manifest metadata and
 * evaluation metrics, and every version with its state.
 *
 * @param name the model's name
 * @param task {@code sentiment} or {@code forecast}
 * @param version the serving version
 * @param architecture e.g. {@code lstm} or {@code gru-2x64}
 * @param created when it was trained, ISO-8601
 * @param metrics evaluation results, each with the split it was measured on
 * @param onnx the graph's file, checksum, opset and signature
 * @param text text preprocessing, for sentiment models
 * @param series series preprocessing, for forecast models
 * @param training seed, epochs and hyper-parameters of the training run
 * @param versions every version, newest first: serving, available or failed (with the file and reason)
 * @param pinned the version a reload keeps serving, when one is pinned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelDescription(
        String name,
        String task,
        String version,
        String architecture,
        String created,
        List<Manifest.Metric> metrics,
        Manifest.OnnxModel onnx,
        Text text,
        Series series,
        Training training,
        List<VersionState> versions,
        String pinned) {

    static ModelDescription of(ServedModel model) {
        Manifest m = model.serving().manifest();
        return new ModelDescription(m.name(), lower(m.task()), m.version(), m.architecture(), m.created(),
                m.metrics(), m.onnx(), Text.of(m.text()), Series.of(m), Training.of(m.training()), model.versions(),
                model.pinned().orElse(null));
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** Text preprocessing as served. */
    record Text(boolean lowercase, boolean stripHtml, boolean splitPunctuation, int vocabularySize, int maxLength,
            String truncation) {

        static Text of(Manifest.TextPreprocessing t) {
            return t == null ? null : new Text(t.lowercase(), t.stripHtml(), t.splitPunctuation(), t.vocabularySize(),
                    t.maxLength(), lower(t.truncation()));
        }
    }

    /** Series preprocessing as served; {@code minLength} is the shortest series a request may send. */
    record Series(String frequency, int window, int minLength, int maxHorizon, List<String> transforms,
            String scaler, String target) {

        static Series of(Manifest m) {
            Manifest.SeriesPreprocessing s = m.series();
            if (s == null) {
                return null;
            }
            int minLength = dev.seqserve.preprocess.SeriesCodec.from(s).minLength();
            return new Series(s.frequency(), s.window(), minLength, s.maxHorizon(), s.transforms(),
                    s.scaler() == null ? null : s.scaler().kind(), s.target());
        }
    }

    /** The training run's provenance. */
    record Training(long seed, int epochs, int bestEpoch, Map<String, String> hyperParameters) {

        static Training of(Manifest.Training t) {
            return t == null ? null : new Training(t.seed(), t.epochs(), t.bestEpoch(), t.hyperParameters());
        }
    }
}
