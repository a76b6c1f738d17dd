package dev.seqserve.artifact;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Everything a server needs to know about one exported model, written as {@code manifest.json}
 * beside {@code model.onnx}.
 *
 * @param formatVersion version of this manifest format ({@link #FORMAT_VERSION})
 * @param name the model's name, equal to its folder name, e.g. {@code sentiment-gru}
 * @param task what the model does
 * @param architecture a short description, e.g. {@code gru} or {@code lstm-2x64}
 * @param version the model version, bumped by every training run
 * @param created ISO-8601 instant of the training run
 * @param onnx the ONNX file, its checksum and its signature
 * @param text text preprocessing; present for sentiment models only
 * @param series series preprocessing; present for forecast models only
 * @param metrics evaluation results, each with the split it was measured on
 * @param training how the model was trained: hyper-parameters, seed, data and its checksums
 * @param files every file the artifact needs besides {@code model.onnx} (whose checksum is in {@code onnx}),
 *     with its SHA-256; {@link ArtifactFolder#writeManifest} fills it from {@link #supportFiles()}
 * @param baselines classical methods measured on the same split as the model's metrics, so a reader sees
 *     what the network adds
 */
public record Manifest(
        int formatVersion,
        String name,
        Task task,
        String architecture,
        String version,
        String created,
        OnnxModel onnx,
        TextPreprocessing text,
        SeriesPreprocessing series,
        List<Metric> metrics,
        Training training,
        List<FileChecksum> files,
        List<Baseline> baselines) {

    /** The manifest format this code writes: format 2 checksums every file the artifact needs. */
    public static final int FORMAT_VERSION = 2;
    /** The previous format, still read: it checksums {@code model.onnx} only. */
    public static final int LEGACY_FORMAT_VERSION = 1;

    public Manifest {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        files = files == null ? List.of() : List.copyOf(files);
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
    }

    /** A manifest with no file checksums yet and no baselines. */
    public Manifest(int formatVersion, String name, Task task, String architecture, String version, String created,
            OnnxModel onnx, TextPreprocessing text, SeriesPreprocessing series, List<Metric> metrics,
            Training training) {
        this(formatVersion, name, task, architecture, version, created, onnx, text, series, metrics, training, null,
                null);
    }

    /**
     * The files, besides the ONNX graph, that serving this model reads from its folder: the vocabulary of a
     * text model. {@link #files} must checksum each of them.
     */
    public List<String> supportFiles() {
        return text != null && text.vocabularyFile() != null ? List.of(text.vocabularyFile()) : List.of();
    }

    /** This manifest with these file checksums. */
    public Manifest withFiles(List<FileChecksum> checksums) {
        return new Manifest(formatVersion, name, task, architecture, version, created, onnx, text, series, metrics,
                training, checksums, baselines);
    }

    /** The recorded checksum of a file, if the manifest has one. */
    public java.util.Optional<String> checksumOf(String file) {
        return files.stream().filter(f -> f.file().equals(file)).map(FileChecksum::sha256).findFirst();
    }

    /**
     * A file of the artifact folder and its checksum.
     *
     * @param file file name inside the artifact folder
     * @param sha256 lower-case hex SHA-256 of its bytes
     */
    public record FileChecksum(String file, String sha256) {}

    /**
     * A classical method measured on the same data as the model.
     *
     * @param name what the method is, e.g. {@code nb-lr} or {@code persistence}
     * @param metric the metric's name, as in {@link #metrics}, e.g. {@code accuracy} or {@code mae}
     * @param value the method's value of that metric
     * @param split the data it was measured on, as in {@link Metric#split()}
     * @param description how the method works and was fitted, in a sentence
     */
    public record Baseline(String name, String metric, double value, String split, String description) {}

    /** What a model does; serialised in lower case. */
    public enum Task {
        SENTIMENT,
        FORECAST
    }

    /**
     * The ONNX graph file and its signature.
     *
     * @param file file name inside the artifact folder, normally {@code model.onnx}
     * @param sha256 lower-case hex SHA-256 of that file
     * @param opset the ONNX opset of the default domain
     * @param inputs graph inputs in order
     * @param outputs graph outputs in order
     */
    public record OnnxModel(String file, String sha256, int opset, List<TensorSpec> inputs, List<TensorSpec> outputs) {}

    /**
     * One graph input or output.
     *
     * @param name tensor name in the graph
     * @param type element type, e.g. {@code int64}, {@code int32}, {@code float}
     * @param shape dimensions; symbolic ones by name (e.g. {@code batch}), fixed ones as digits
     */
    public record TensorSpec(String name, String type, List<String> shape) {}

    /**
     * How raw review text becomes token ids.
     *
     * @param lowercase fold to lower case
     * @param stripHtml remove HTML tags such as {@code <br />} and decode common entities
     * @param splitPunctuation make punctuation marks tokens of their own
     * @param vocabularyFile the vocabulary file in the artifact folder, one token per line, id = line index
     * @param vocabularySize number of ids, including PAD and OOV
     * @param padId id used for padding
     * @param oovId id of tokens outside the vocabulary
     * @param maxLength longest token sequence fed to the model
     * @param truncation which end to keep when a review is longer than {@code maxLength}
     */
    public record TextPreprocessing(
            boolean lowercase,
            boolean stripHtml,
            boolean splitPunctuation,
            String vocabularyFile,
            int vocabularySize,
            int padId,
            int oovId,
            int maxLength,
            Truncation truncation) {}

    /** Which part of an over-long token sequence is kept. */
    public enum Truncation {
        /** Keep the first {@code maxLength} tokens. */
        HEAD,
        /** Keep the last {@code maxLength} tokens. */
        TAIL
    }

    /**
     * How a numeric series becomes model input and model output becomes a forecast.
     *
     * @param frequency sampling frequency, e.g. {@code daily} or {@code monthly}
     * @param window number of most recent values the model reads
     * @param maxHorizon the most steps ahead the model forecasts
     * @param strategy how multi-step forecasts are made, e.g. {@code direct}
     * @param transforms ordered transforms applied before scaling, e.g. {@code log}, {@code difference:12}
     * @param scaler the scaler fitted on the training split
     * @param target what the model outputs for each step ahead: {@code value}, the scaled transformed
     *     value, {@code change}, its difference from the last input step (so that an output of
     *     zero means "no change"), or {@code residual}, its difference from the {@link #baseline}'s
     *     forecast; absent means {@code value}
     * @param calendarHarmonics annual sine and cosine pairs read beside each input value (0: none); a
     *     model with calendar inputs or a calendar baseline needs the date of a series' last value
     * @param baseline the classical forecast a {@code residual} model corrects; {@code null} otherwise
     * @param intervals the calibration of prediction intervals; {@code null} when the model has none
     */
    public record SeriesPreprocessing(
            String frequency,
            int window,
            int maxHorizon,
            String strategy,
            List<String> transforms,
            Scaler scaler,
            String target,
            Integer calendarHarmonics,
            Baseline baseline,
            Intervals intervals) {

        /** The default {@link #target}. */
        public static final String TARGET_VALUE = "value";

        public SeriesPreprocessing {
            transforms = transforms == null ? List.of() : List.copyOf(transforms);
            target = target == null ? TARGET_VALUE : target;
            calendarHarmonics = calendarHarmonics == null ? 0 : calendarHarmonics;
        }

        /** A series section without calendar inputs, baseline or intervals, as manifests before them. */
        public SeriesPreprocessing(String frequency, int window, int maxHorizon, String strategy,
                List<String> transforms, Scaler scaler, String target) {
            this(frequency, window, maxHorizon, strategy, transforms, scaler, target, 0, null, null);
        }

        /** A series section whose model outputs values, as manifests written before {@link #target} existed. */
        public SeriesPreprocessing(
                String frequency, int window, int maxHorizon, String strategy, List<String> transforms, Scaler scaler) {
            this(frequency, window, maxHorizon, strategy, transforms, scaler, TARGET_VALUE);
        }

        /** This section with these prediction intervals. */
        public SeriesPreprocessing withIntervals(Intervals calibrated) {
            return new SeriesPreprocessing(frequency, window, maxHorizon, strategy, transforms, scaler, target,
                    calendarHarmonics, baseline, calibrated);
        }

        /**
         * An autoregression with annual Fourier terms in model space,
         * {@code z[t] = c + Σ a[k]·z[t-k] + Σ (s[j]·sin(2πj·t/P) + c[j]·cos(2πj·t/P))}, forecast further
         * ahead by feeding its own forecasts back; {@code t} counts steps of the frequency on the calendar
         * and {@code P} is a year in them. With target {@code residual} the network corrects its forecast;
         * with another target the forecast is blended with the network's.
         *
         * @param order p, the lags
         * @param harmonics K, the sine and cosine pairs
         * @param coefficients {@code c, a[1..p], s[1], c[1], …, s[K], c[K]}
         * @param fitted the span and method it was fitted with, in a sentence
         * @param weight for a target other than {@code residual}: the model-space forecast is
         *     {@code weight × this forecast + (1 − weight) × the network's}; absent with {@code residual}
         */
        public record Baseline(int order, int harmonics, List<Double> coefficients, String fitted, Double weight) {

            public Baseline {
                coefficients = List.copyOf(coefficients);
            }

            /** This baseline blended with this weight. */
            public Baseline withWeight(Double blend) {
                return new Baseline(order, harmonics, coefficients, fitted, blend);
            }
        }

        /**
         * Split-conformal prediction intervals: for each step ahead, the sorted nonconformity scores of
         * out-of-sample forecasts; the interval at level α spreads the forecast by the
         * ⌈(n + 1)·α⌉-th smallest of the step's n scores.
         *
         * @param method {@code split-conformal}
         * @param errors how a score measures an error: {@code absolute} ({@code |actual − forecast|}, the
         *     interval is the forecast ± the score) or {@code log} ({@code |ln actual − ln forecast|},
         *     the interval is the forecast times {@code e^±score})
         * @param calibration which forecasts the scores come from, in a sentence
         * @param scores per step ahead, the scores in increasing order
         */
        public record Intervals(String method, String errors, String calibration, List<List<Double>> scores) {

            public Intervals {
                scores = scores.stream().map(List::copyOf).toList();
            }
        }
    }

    /**
     * A fitted scaler.
     *
     * @param kind e.g. {@code standard} (subtract mean, divide by standard deviation) or {@code minmax}
     * @param parameters fitted values by name, e.g. {@code mean} and {@code std}
     */
    public record Scaler(String kind, Map<String, Double> parameters) {

        public Scaler {
            parameters = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
        }
    }

    /**
     * One evaluation result.
     *
     * @param name metric name, e.g. {@code accuracy} or {@code mae}
     * @param value the value
     * @param split the data it was measured on, e.g. {@code imdb/dev.csv.gz} or {@code 1989}
     */
    public record Metric(String name, double value, String split) {}

    /**
     * Provenance of a training run.
     *
     * @param seed the random seed; the same seed and data repeat the run exactly
     * @param hyperParameters every setting that shaped the model
     * @param data the files read, with their checksums
     * @param epochs epochs run
     * @param bestEpoch the epoch whose weights were kept (early stopping)
     * @param epochSeconds wall-clock seconds of each epoch
     */
    public record Training(
            long seed,
            Map<String, String> hyperParameters,
            List<DataFile> data,
            int epochs,
            int bestEpoch,
            List<Double> epochSeconds) {

        public Training {
            hyperParameters = hyperParameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(hyperParameters));
            data = data == null ? List.of() : List.copyOf(data);
            epochSeconds = epochSeconds == null ? List.of() : List.copyOf(epochSeconds);
        }
    }

    /**
     * A data file a model was trained or evaluated on.
     *
     * @param path where it was read from, relative to the data folder
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     * @param role what it was used for, e.g. {@code train} or {@code dev}
     */
    public record DataFile(String path, String sha256, String role) {}

    /** The value of the named metric, if the manifest has it. */
    public OptionalDouble metric(String metricName) {
        return metrics.stream()
                .filter(m -> m.name().equals(metricName))
                .mapToDouble(Metric::value)
                .findFirst();
    }
}
