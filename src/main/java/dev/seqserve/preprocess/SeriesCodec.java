package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.time.LocalDate;
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
 * {@link #window()} scaled values, each with {@code 2 × calendarHarmonics} annual sine and cosine terms
 * of its date beside it when the model has calendar inputs, and, with the {@code direct} strategy,
 * outputs all {@link #maxHorizon()} steps at once: with target {@code value} the scaled model-space
 * value of each step, with target {@code change} its difference from the last input step divided
 * by the scaler's spread, so that an output of zero repeats the last model-space value (with no
 * transforms: persistence; with {@code difference:12}: last year's change), and with target
 * {@code residual} its difference from a classical {@link SeasonalAutoregression} forecast divided by
 * the spread, so that the network learns only what the classical forecast misses. With another target a
 * seasonal autoregression may instead be <em>blended</em> in: the model-space forecast is then
 * {@code w × its forecast + (1 − w) × the network's}. Decoding unscales and undoes the transforms in
 * reverse order, taking the values a difference needs from the series.
 *
 * <p>Calendar inputs and a baseline with Fourier terms need the date of the series' last value
 * ({@link #needsDate()}). Immutable and thread-safe.
 */
public final class SeriesCodec {

    /** The only multi-step strategy: the model outputs every step ahead at once. */
    public static final String DIRECT = "direct";
    /** Target: the scaled model-space value of each step ahead. */
    public static final String TARGET_VALUE = Manifest.SeriesPreprocessing.TARGET_VALUE;
    /** Target: each step's model-space change from the last input step, divided by the scaler's spread. */
    public static final String TARGET_CHANGE = "change";
    /** Target: each step's model-space difference from the baseline's forecast, divided by the scaler's spread. */
    public static final String TARGET_RESIDUAL = "residual";

    private final String frequency;
    private final int window;
    private final int maxHorizon;
    private final TransformChain transforms;
    private final Scaler scaler;
    private final String target;
    private final int calendarHarmonics;
    private final SeasonalAutoregression baseline;
    /** The baseline's share of a blended forecast; NaN without a blend (no baseline, or target residual). */
    private final double blend;
    private final SeriesCalendar calendar;

    private SeriesCodec(Spec spec, Scaler scaler, SeasonalAutoregression baseline) {
        this(spec, scaler, baseline, Double.NaN);
    }

    private SeriesCodec(Spec spec, Scaler scaler, SeasonalAutoregression baseline, double blend) {
        this.frequency = spec.frequency();
        this.window = spec.window();
        this.maxHorizon = spec.maxHorizon();
        this.transforms = new TransformChain(spec.transforms());
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        this.target = spec.target();
        this.calendarHarmonics = spec.calendarHarmonics();
        this.baseline = baseline;
        this.blend = blend;
        boolean residual = target.equals(TARGET_RESIDUAL);
        if (residual ? baseline == null || !Double.isNaN(blend) : baseline != null && !(blend >= 0 && blend <= 1)) {
            throw new IllegalArgumentException("target residual needs a baseline and no blend weight; another target "
                    + "takes a baseline only with a blend weight in [0, 1]");
        }
        boolean dated = calendarHarmonics > 0 || baseline != null && baseline.harmonics() > 0;
        if (baseline != null && baseline.order() > window) {
            throw new IllegalArgumentException("the baseline's order " + baseline.order() + " exceeds the window "
                    + window);
        }
        this.calendar = dated ? SeriesCalendar.of(frequency) : null;
    }

    /**
     * What a codec is before its scaler is fitted.
     *
     * @param frequency sampling frequency, e.g. {@code daily}; steps the calendar of a dated model
     * @param window number of model-space values the model reads
     * @param maxHorizon steps the model outputs
     * @param transforms ordered transforms, e.g. {@code log}, {@code difference:1}, {@code difference:12}
     * @param scalerKind {@code standard}, {@code minmax} or {@code none}
     * @param target {@value #TARGET_VALUE}, {@value #TARGET_CHANGE} or {@value #TARGET_RESIDUAL}
     * @param calendarHarmonics annual sine and cosine pairs read beside each value; 0 for none
     */
    public record Spec(String frequency, int window, int maxHorizon, List<String> transforms, String scalerKind,
            String target, int calendarHarmonics) {

        public Spec {
            if (window < 1 || maxHorizon < 1) {
                throw new IllegalArgumentException("window and maxHorizon must be at least 1, were " + window
                        + " and " + maxHorizon);
            }
            transforms = List.copyOf(transforms);
            transforms.forEach(SeriesTransform::parse);
            target = target == null ? TARGET_VALUE : target.toLowerCase(Locale.ROOT);
            if (!List.of(TARGET_VALUE, TARGET_CHANGE, TARGET_RESIDUAL).contains(target)) {
                throw new IllegalArgumentException("unknown target \"" + target + "\" (known: value, change, residual)");
            }
            if (calendarHarmonics < 0) {
                throw new IllegalArgumentException("calendarHarmonics must be at least 0, was " + calendarHarmonics);
            }
            if (calendarHarmonics > 0) {
                SeriesCalendar.of(frequency);
            }
        }

        /** A spec without calendar inputs. */
        public Spec(String frequency, int window, int maxHorizon, List<String> transforms, String scalerKind,
                String target) {
            this(frequency, window, maxHorizon, transforms, scalerKind, target, 0);
        }
    }

    /**
     * Fits the scaler on a training series and returns the codec.
     *
     * @param spec the codec's settings; its target must not be {@value #TARGET_RESIDUAL}
     * @param train the training part of the series only
     * @throws IllegalArgumentException if the series is too short to give one training pair
     */
    public static SeriesCodec fit(Spec spec, double[] train) {
        return fit(spec, train, null);
    }

    /**
     * Fits the scaler on a training series and returns the codec with a baseline.
     *
     * @param baseline fitted on the same training series' model space ({@link #modelSpace}); required
     *     for, and only for, target {@value #TARGET_RESIDUAL}
     */
    public static SeriesCodec fit(Spec spec, double[] train, SeasonalAutoregression baseline) {
        SeriesCodec unscaled = new SeriesCodec(spec, IdentityScaler.INSTANCE, baseline);
        int needed = unscaled.minLength() + spec.maxHorizon();
        if (train.length < needed) {
            throw new IllegalArgumentException("a training series needs at least " + needed + " values, got "
                    + train.length);
        }
        double[] modelSpace = unscaled.modelSpace(train);
        return new SeriesCodec(spec, Scaler.fit(spec.scalerKind(), modelSpace), baseline);
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
                series.scaler().kind(), series.target(), series.calendarHarmonics());
        Manifest.SeriesPreprocessing.Baseline b = series.baseline();
        SeasonalAutoregression baseline = b == null ? null : SeasonalAutoregression.from(b);
        double blend = b == null || b.weight() == null ? Double.NaN : b.weight();
        return new SeriesCodec(spec, Scaler.fromManifest(series.scaler()), baseline, blend);
    }

    /**
     * This codec with a seasonal autoregression blended into its forecasts.
     *
     * @param model fitted on the same training span's model space
     * @param weight its share of the model-space forecast, in [0, 1]
     * @throws IllegalArgumentException for target residual, which has its baseline already
     */
    public SeriesCodec withBlend(SeasonalAutoregression model, double weight) {
        Spec spec = new Spec(frequency, window, maxHorizon, transforms.specs(), scaler.toManifest().kind(), target,
                calendarHarmonics);
        return new SeriesCodec(spec, scaler, model, weight);
    }

    /** The codec's settings, fitted scaler and baseline, as the manifest records them (without intervals). */
    public Manifest.SeriesPreprocessing toManifest() {
        Manifest.SeriesPreprocessing.Baseline b = baseline == null ? null
                : baseline.toManifest().withWeight(Double.isNaN(blend) ? null : blend);
        return new Manifest.SeriesPreprocessing(frequency, window, maxHorizon, DIRECT, transformSpecs(),
                scaler.toManifest(), target, calendarHarmonics, b, null);
    }

    /** The fewest values a series needs: the window plus every difference's lag. */
    public int minLength() {
        return window + transforms.lagSum();
    }

    /** Steps the model reads. */
    public int window() {
        return window;
    }

    /** Input features per step: the value and its calendar terms. */
    public int features() {
        return 1 + 2 * calendarHarmonics;
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

    /** Whether encoding and decoding need the date of the series' last value. */
    public boolean needsDate() {
        return calendar != null;
    }

    /**
     * @param series the raw series, oldest first, at least {@link #minLength()} values
     * @return the model input for its last window, {@code [window × features]} flattened by step
     * @throws IllegalArgumentException if the series is too short or has values the transforms cannot take
     */
    public float[] encode(double[] series) {
        return encode(series, null);
    }

    /**
     * Like {@link #encode(double[])} for a model that may read the calendar.
     *
     * @param lastDate the date of the series' last value; required when {@link #needsDate()}
     */
    public float[] encode(double[] series, LocalDate lastDate) {
        float[] input = new float[window * features()];
        encode(series, series.length, lastDate, input, 0);
        return input;
    }

    /** Like {@link #encode(double[], int, LocalDate, float[], int)} for a model that reads no date. */
    public void encode(double[] series, int end, float[] out, int offset) {
        encode(series, end, null, out, offset);
    }

    /**
     * Writes the model input for the window that ends just before {@code end} into {@code out}, so a
     * trainer or a batching server can fill one buffer for many series.
     *
     * @param series the raw series
     * @param end one past the last value to use
     * @param lastDate the date of {@code series[end - 1]}; required when {@link #needsDate()}
     * @param out receives {@code window × features} values
     * @param offset where in {@code out} to start
     */
    public void encode(double[] series, int end, LocalDate lastDate, float[] out, int offset) {
        long last = position(lastDate);
        double[] work = TransformChain.tail(Objects.requireNonNull(series, "series"), end, minLength());
        int from = transforms.apply(work);
        writeWindow(work, from, last, out, offset);
    }

    private void writeWindow(double[] z, int from, long lastPosition, float[] out, int offset) {
        int features = features();
        double[] terms = new double[2 * calendarHarmonics];
        for (int i = 0; i < window; i++) {
            out[offset + i * features] = (float) scaler.scale(z[from + i]);
            if (calendarHarmonics > 0) {
                calendar.fourier(lastPosition - (window - 1 - i), calendarHarmonics, terms, 0);
                for (int k = 0; k < terms.length; k++) {
                    out[offset + i * features + 1 + k] = (float) terms[k];
                }
            }
        }
    }

    /**
     * @param series the raw series the model input was encoded from
     * @param modelOutput the model's output for it, at least {@code horizon} values
     * @param horizon steps to forecast, 1 to {@link #maxHorizon()}
     * @return the forecasts in the series' own units
     */
    public double[] decode(double[] series, float[] modelOutput, int horizon) {
        return decode(series, series.length, null, toDouble(modelOutput, horizon), horizon);
    }

    /** Like {@link #decode(double[], float[], int)} with the date of the series' last value. */
    public double[] decode(double[] series, LocalDate lastDate, float[] modelOutput, int horizon) {
        return decode(series, series.length, lastDate, toDouble(modelOutput, horizon), horizon);
    }

    /** Like {@link #decode(double[], float[], int)} for the series up to {@code end}. */
    public double[] decode(double[] series, int end, float[] modelOutput, int horizon) {
        return decode(series, end, null, toDouble(modelOutput, horizon), horizon);
    }

    /** Like {@link #decode(double[], int, LocalDate, double[], int)} for single-precision model output. */
    public double[] decode(double[] series, int end, LocalDate lastDate, float[] modelOutput, int horizon) {
        return decode(series, end, lastDate, toDouble(modelOutput, horizon), horizon);
    }

    /** Like {@link #decode(double[], int, LocalDate, double[], int)} for a model that reads no date. */
    public double[] decode(double[] series, int end, double[] modelOutput, int horizon) {
        return decode(series, end, null, modelOutput, horizon);
    }

    /**
     * Turns model output into forecasts in the series' own units.
     *
     * @param series the raw series the model input was encoded from
     * @param end one past its last value used
     * @param lastDate the date of {@code series[end - 1]}; required when {@link #needsDate()}
     * @param modelOutput the model's output, at least {@code horizon} values
     * @param horizon steps to forecast, 1 to {@link #maxHorizon()}
     */
    public double[] decode(double[] series, int end, LocalDate lastDate, double[] modelOutput, int horizon) {
        if (horizon < 1 || horizon > maxHorizon) {
            throw new IllegalArgumentException("horizon must be between 1 and " + maxHorizon + ", was " + horizon);
        }
        if (modelOutput.length < horizon) {
            throw new IllegalArgumentException("the model output has " + modelOutput.length
                    + " values, fewer than the horizon " + horizon);
        }
        long last = position(lastDate);
        List<double[]> stages = transforms.stages(TransformChain.tail(series, end, minLength()));
        double[] modelSpace = stages.get(stages.size() - 1);
        double[] reference = reference(modelSpace, modelSpace.length, last, horizon);
        double[] blended = Double.isNaN(blend) ? null
                : baseline.forecast(modelSpace, modelSpace.length, calendar, last, horizon);
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = target.equals(TARGET_VALUE)
                    ? scaler.unscale(modelOutput[h])
                    : reference[h] + modelOutput[h] * scaler.spread();
            if (blended != null) {
                forecast[h] = blend * blended[h] + (1 - blend) * forecast[h];
            }
        }
        transforms.invert(stages, forecast, horizon);
        return forecast;
    }

    /** What an output of zero means in model space: the last value (change), the baseline's forecast (residual). */
    private double[] reference(double[] z, int end, long lastPosition, int horizon) {
        if (target.equals(TARGET_RESIDUAL)) {
            return baseline.forecast(z, end, calendar, lastPosition, horizon);
        }
        double[] last = new double[horizon];
        Arrays.fill(last, z[end - 1]);
        return last;
    }

    /** Like {@link #pairs(double[], LocalDate)} for a model that reads no date. */
    public TrainingPairs pairs(double[] series) {
        return pairs(series, null);
    }

    /**
     * Cuts a training series into every (input, target) pair it holds, targets in the model's output space.
     *
     * @param series the raw training series
     * @param firstDate the date of {@code series[0]}; required when {@link #needsDate()}
     * @return pairs in time order; none if the series is shorter than {@code minLength() + maxHorizon()}
     */
    public TrainingPairs pairs(double[] series, LocalDate firstDate) {
        if (series.length < minLength() + maxHorizon) {
            return new TrainingPairs(new float[0][], new float[0][]);
        }
        long first = position(firstDate);
        int lags = transforms.lagSum();
        double[] z = modelSpace(series);
        int count = z.length - window - maxHorizon + 1;
        float[][] inputs = new float[count][window * features()];
        float[][] targets = new float[count][maxHorizon];
        for (int p = 0; p < count; p++) {
            long lastPosition = first + lags + p + window - 1;
            writeWindow(z, p, lastPosition, inputs[p], 0);
            double[] reference = reference(z, p + window, lastPosition, maxHorizon);
            for (int h = 0; h < maxHorizon; h++) {
                double future = z[p + window + h];
                targets[p][h] = (float) (target.equals(TARGET_VALUE)
                        ? scaler.scale(future)
                        : (future - reference[h]) / scaler.spread());
            }
        }
        return new TrainingPairs(inputs, targets);
    }

    /** The whole series transformed into model space, before scaling; shorter by the differences' lags. */
    public double[] modelSpace(double[] series) {
        return modelSpace(transforms, series);
    }

    /** A series through these transforms, e.g. to fit a baseline in the model space of a codec to be. */
    public static double[] modelSpace(List<String> transforms, double[] series) {
        return modelSpace(new TransformChain(transforms), series);
    }

    private static double[] modelSpace(TransformChain transforms, double[] series) {
        double[] work = TransformChain.tail(series, series.length, series.length);
        int from = transforms.apply(work);
        return Arrays.copyOfRange(work, from, work.length);
    }

    /** The calendar position of a date, or 0 when the model reads no date. */
    private long position(LocalDate date) {
        if (calendar == null) {
            return 0;
        }
        if (date == null) {
            throw new IllegalArgumentException("this model reads the calendar: it needs the date of the series' last value");
        }
        return calendar.position(date);
    }

    private static double[] toDouble(float[] modelOutput, int horizon) {
        double[] output = new double[Math.min(modelOutput.length, horizon)];
        for (int h = 0; h < output.length; h++) {
            output[h] = modelOutput[h];
        }
        return output;
    }
}
