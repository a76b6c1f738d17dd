package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one place where a raw series becomes model input and model output becomes a forecast, used
 * alike by the trainer and the server.
 *
 * <p>A series goes through the manifest's transforms in order ({@code log}, {@code difference:<lag>})
 * into the <em>model space</em>, then through the fitted scaler. The model reads the last
 * {@link #window()} scaled values (one feature per step) and, with the {@code direct} strategy,
 * outputs all {@link #maxHorizon()} steps at once: with target {@code value} the scaled model-space
 * value of each step, with target {@code change} its difference from the last input step divided
 * by the scaler's spread, so that an output of zero repeats the last model-space value (with no
 * transforms: persistence; with {@code difference:12}: last year's change). Decoding unscales and
 * undoes the transforms in reverse order, taking the values a difference needs from the series.
 *
 * <p>Immutable and thread-safe.
 */
public final class SeriesCodec {

    /** The only multi-step strategy: the model outputs every step ahead at once. */
    public static final String DIRECT = "direct";
    /** Target: the scaled model-space value of each step ahead. */
    public static final String TARGET_VALUE = Manifest.SeriesPreprocessing.TARGET_VALUE;
    /** Target: each step's model-space change from the last input step, divided by the scaler's spread. */
    public static final String TARGET_CHANGE = "change";

    private final String frequency;
    private final int window;
    private final int maxHorizon;
    private final TransformChain transforms;
    private final Scaler scaler;
    private final boolean changeTarget;

    private SeriesCodec(Spec spec, Scaler scaler) {
        this.frequency = spec.frequency();
        this.window = spec.window();
        this.maxHorizon = spec.maxHorizon();
        this.transforms = new TransformChain(spec.transforms());
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        this.changeTarget = spec.target().equals(TARGET_CHANGE);
    }

    /**
     * What a codec is before its scaler is fitted.
     *
     * @param frequency sampling frequency, e.g. {@code daily}; recorded, not used in the arithmetic
     * @param window number of model-space values the model reads
     * @param maxHorizon steps the model outputs
     * @param transforms ordered transforms, e.g. {@code log}, {@code difference:1}, {@code difference:12}
     * @param scalerKind {@code standard}, {@code minmax} or {@code none}
     * @param target {@value #TARGET_VALUE} or {@value #TARGET_CHANGE}
     */
    public record Spec(
            String frequency, int window, int maxHorizon, List<String> transforms, String scalerKind, String target) {

        public Spec {
            if (window < 1 || maxHorizon < 1) {
                throw new IllegalArgumentException("window and maxHorizon must be at least 1, were " + window
                        + " and " + maxHorizon);
            }
            transforms = List.copyOf(transforms);
            transforms.forEach(SeriesTransform::parse);
            target = target == null ? TARGET_VALUE : target.toLowerCase(Locale.ROOT);
            if (!target.equals(TARGET_VALUE) && !target.equals(TARGET_CHANGE)) {
                throw new IllegalArgumentException("unknown target \"" + target + "\" (known: value, change)");
            }
        }
    }

    /**
     * Fits the scaler on a training series and returns the codec.
     *
     * @param spec the codec's settings
     * @param train the training part of the series only
     * @throws IllegalArgumentException if the series is too short to give one training pair
     */
    public static SeriesCodec fit(Spec spec, double[] train) {
        SeriesCodec unscaled = new SeriesCodec(spec, IdentityScaler.INSTANCE);
        int needed = unscaled.minLength() + spec.maxHorizon();
        if (train.length < needed) {
            throw new IllegalArgumentException("a training series needs at least " + needed + " values, got "
                    + train.length);
        }
        double[] modelSpace = unscaled.modelSpace(train);
        return new SeriesCodec(spec, Scaler.fit(spec.scalerKind(), modelSpace));
    }

    /**
     * The codec a forecast manifest describes.
     *
     * @throws IllegalArgumentException if the section is incomplete or names an unknown strategy,
     *     transform, target or scaler
     */
    public static SeriesCodec from(Manifest.SeriesPreprocessing series) {
        if (series.strategy() != null && !series.strategy().equalsIgnoreCase(DIRECT)) {
            throw new IllegalArgumentException("unknown strategy \"" + series.strategy() + "\" (known: direct)");
        }
        if (series.scaler() == null) {
            throw new IllegalArgumentException("the series section has no scaler");
        }
        Spec spec = new Spec(series.frequency(), series.window(), series.maxHorizon(), series.transforms(),
                series.scaler().kind(), series.target());
        return new SeriesCodec(spec, Scaler.fromManifest(series.scaler()));
    }

    /** The codec's settings and fitted scaler, as the manifest records them. */
    public Manifest.SeriesPreprocessing toManifest() {
        return new Manifest.SeriesPreprocessing(frequency, window, maxHorizon, DIRECT, transformSpecs(),
                scaler.toManifest(), changeTarget ? TARGET_CHANGE : TARGET_VALUE);
    }

    /** The fewest values a series needs: the window plus every difference's lag. */
    public int minLength() {
        return window + transforms.lagSum();
    }

    /** Steps the model reads. */
    public int window() {
        return window;
    }

    /** Input features per step. */
    public int features() {
        return 1;
    }

    /** Steps the model outputs. */
    public int maxHorizon() {
        return maxHorizon;
    }

    /** The fitted scaler. */
    public Scaler scaler() {
        return scaler;
    }

    /** The transforms as the manifest spells them. */
    public List<String> transformSpecs() {
        return transforms.specs();
    }

    /**
     * @param series the raw series, oldest first, at least {@link #minLength()} values
     * @return the model input for its last window, {@code [window × features]} flattened by step
     * @throws IllegalArgumentException if the series is too short or has values the transforms cannot take
     */
    public float[] encode(double[] series) {
        float[] input = new float[window * features()];
        encode(series, series.length, input, 0);
        return input;
    }

    /**
     * Writes the model input for the window that ends just before {@code end} into {@code out}, so a
     * trainer or a batching server can fill one buffer for many series.
     *
     * @param series the raw series
     * @param end one past the last value to use
     * @param out receives {@code window × features} values
     * @param offset where in {@code out} to start
     */
    public void encode(double[] series, int end, float[] out, int offset) {
        double[] work = TransformChain.tail(Objects.requireNonNull(series, "series"), end, minLength());
        int from = transforms.apply(work);
        for (int i = 0; i < window; i++) {
            out[offset + i] = (float) scaler.scale(work[from + i]);
        }
    }

    /**
     * @param series the raw series the model input was encoded from
     * @param modelOutput the model's output for it, at least {@code horizon} values
     * @param horizon steps to forecast, 1 to {@link #maxHorizon()}
     * @return the forecasts in the series' own units
     */
    public double[] decode(double[] series, float[] modelOutput, int horizon) {
        return decode(series, series.length, modelOutput, horizon);
    }

    /** Like {@link #decode(double[], float[], int)} for the series up to {@code end}. */
    public double[] decode(double[] series, int end, float[] modelOutput, int horizon) {
        double[] output = new double[Math.min(modelOutput.length, horizon)];
        for (int h = 0; h < output.length; h++) {
            output[h] = modelOutput[h];
        }
        return decode(series, end, output, horizon);
    }

    /** Like {@link #decode(double[], float[], int)} for a model that computes in double precision. */
    public double[] decode(double[] series, int end, double[] modelOutput, int horizon) {
        if (horizon < 1 || horizon > maxHorizon) {
            throw new IllegalArgumentException("horizon must be between 1 and " + maxHorizon + ", was " + horizon);
        }
        if (modelOutput.length < horizon) {
            throw new IllegalArgumentException("the model output has " + modelOutput.length
                    + " values, fewer than the horizon " + horizon);
        }
        List<double[]> stages = transforms.stages(TransformChain.tail(series, end, minLength()));
        double[] modelSpace = stages.get(stages.size() - 1);
        double last = modelSpace[modelSpace.length - 1];
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = changeTarget
                    ? last + modelOutput[h] * scaler.spread()
                    : scaler.unscale(modelOutput[h]);
        }
        transforms.invert(stages, forecast, horizon);
        return forecast;
    }

    /**
     * Cuts a training series into every (input, target) pair it holds, targets in the model's output space.
     *
     * @param series the raw training series
     * @return pairs in time order; none if the series is shorter than {@code minLength() + maxHorizon()}
     */
    public TrainingPairs pairs(double[] series) {
        if (series.length < minLength() + maxHorizon) {
            return new TrainingPairs(new float[0][], new float[0][]);
        }
        double[] z = modelSpace(series);
        int count = z.length - window - maxHorizon + 1;
        float[][] inputs = new float[count][window];
        float[][] targets = new float[count][maxHorizon];
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < window; i++) {
                inputs[p][i] = (float) scaler.scale(z[p + i]);
            }
            double last = z[p + window - 1];
            for (int h = 0; h < maxHorizon; h++) {
                double future = z[p + window + h];
                targets[p][h] = (float) (changeTarget ? (future - last) / scaler.spread() : scaler.scale(future));
            }
        }
        return new TrainingPairs(inputs, targets);
    }

    /** The whole series transformed into model space, before scaling; shorter by the differences' lags. */
    public double[] modelSpace(double[] series) {
        double[] work = TransformChain.tail(series, series.length, series.length);
        int from = transforms.apply(work);
        return Arrays.copyOfRange(work, from, work.length);
    }
}
