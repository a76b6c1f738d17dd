package dev.seqserve.training.forecast;

import dev.seqserve.training.run.EpochLoop;
import dev.seqserve.preprocess.SeasonalAutoregression;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TrainingPairs;
import dev.seqserve.training.eval.Autoregressions;
import dev.seqserve.training.eval.Forecaster;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.nn.Adam;
import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.nn.ForecastConfig;
import dev.seqserve.training.nn.ForecastLoss;
import dev.seqserve.training.nn.ForecastNet;
import dev.seqserve.training.nn.ParamSet;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a direct multi-step forecaster: the codec fitted on the training span turns windows into
 * model space, the network predicts every step up to the maximum horizon at once, and early stopping
 * watches the MAE on the validation span in the series' own units; or, without early stopping, it
 * trains a fixed number of epochs and keeps the last weights.
 */
public final class ForecastTraining {

    /** Every setting of a forecast run; all of them go into the manifest. */
    public record Settings(
            CellType cell,
            SeriesCodec.Spec spec,
            int hidden,
            int layers,
            float dropout,
            double weightDecay,
            int batchSize,
            double learningRate,
            double clipNorm,
            int maxEpochs,
            int patience,
            long seed,
            int baselineOrder,
            int baselineHarmonics,
            int members,
            ForecastLoss loss) {

        public Settings {
            if (members < 1) {
                throw new IllegalArgumentException("an ensemble needs at least one member, got " + members);
            }
            if (loss == null) {
                throw new IllegalArgumentException("loss is required");
            }
        }

        /** Settings of one network without a baseline (any target but {@code residual}). */
        public Settings(CellType cell, SeriesCodec.Spec spec, int hidden, int layers, float dropout, double weightDecay,
                int batchSize, double learningRate, double clipNorm, int maxEpochs, int patience, long seed) {
            this(cell, spec, hidden, layers, dropout, weightDecay, batchSize, learningRate, clipNorm, maxEpochs,
                    patience, seed, 0, 0, 1, ForecastLoss.SQUARED);
        }

        /** These settings trained for another number of epochs. */
        public Settings withMaxEpochs(int epochs) {
            return new Settings(cell, spec, hidden, layers, dropout, weightDecay, batchSize, learningRate, clipNorm,
                    epochs, patience, seed, baselineOrder, baselineHarmonics, members, loss);
        }

        /** These settings with the seasonal autoregression a hybrid corrects. */
        public Settings withBaseline(int order, int harmonics) {
            return new Settings(cell, spec, hidden, layers, dropout, weightDecay, batchSize, learningRate, clipNorm,
                    maxEpochs, patience, seed, order, harmonics, members, loss);
        }

        /** These settings as an ensemble of {@code count} networks, member {@code k} seeded {@code seed + k}. */
        public Settings withMembers(int count) {
            return new Settings(cell, spec, hidden, layers, dropout, weightDecay, batchSize, learningRate, clipNorm,
                    maxEpochs, patience, seed, baselineOrder, baselineHarmonics, count, loss);
        }

        /** These settings minimising another loss. */
        public Settings withLoss(ForecastLoss kind) {
            return new Settings(cell, spec, hidden, layers, dropout, weightDecay, batchSize, learningRate, clipNorm,
                    maxEpochs, patience, seed, baselineOrder, baselineHarmonics, members, kind);
        }

        /** Whether the network corrects a seasonal autoregression (target {@code residual}). */
        public boolean hybrid() {
            return spec.target().equals(SeriesCodec.TARGET_RESIDUAL);
        }
    }

    /**
     * Index spans of the series: train {@code [0, trainEnd)}, validation {@code [trainEnd, validationEnd)}.
     * Validation forecasts may read earlier values, never later ones. With {@code earlyStopping} the
     * validation MAE picks the epoch whose weights are kept; without it the run trains
     * {@link Settings#maxEpochs()} epochs, keeps the last weights, and the validation span (which may be
     * empty) is only measured after each epoch, as a rolling-origin fold's score is.
     */
    public record Split(int trainEnd, int validationEnd, int validationHorizon, boolean earlyStopping) {

        public Split {
            if (trainEnd < 1 || validationEnd < trainEnd) {
                throw new IllegalArgumentException("need 0 < trainEnd <= validationEnd, got " + trainEnd + " and "
                        + validationEnd);
            }
            if (earlyStopping && (validationEnd == trainEnd || validationHorizon < 1)) {
                throw new IllegalArgumentException("early stopping needs a validation span");
            }
        }

        /** A split whose validation span stops training early. */
        public Split(int trainEnd, int validationEnd, int validationHorizon) {
            this(trainEnd, validationEnd, validationHorizon, true);
        }

        /** Whether there is a validation span to measure. */
        boolean validates() {
            return validationEnd > trainEnd && validationHorizon >= 1;
        }
    }

    /**
     * The trained network and the codec it was trained with.
     *
     * @param timeline the dates of the series it was trained on; {@code null} for an undated series
     */
    public record Result(List<ForecastNet> nets, SeriesCodec codec, EpochLoop.History history, int trainingPairs,
            Timeline timeline) {

        public Result {
            nets = List.copyOf(nets);
        }

        /** The trained network (the mean of an ensemble's members) as a forecaster in the series' units. */
        public Forecaster forecaster() {
            return trainerForecaster(nets, codec, timeline);
        }

        /** This run with another codec for the same networks, e.g. one that blends in a baseline. */
        public Result withCodec(SeriesCodec other) {
            return new Result(nets, other, history, trainingPairs, timeline);
        }
    }

    private final Settings settings;
    private final PrintStream out;

    public ForecastTraining(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Trains on an undated series (no calendar inputs, no Fourier baseline). */
    public Result train(double[] values, Split split) {
        return train(values, null, split);
    }

    /**
     * Trains on {@code [0, split.trainEnd())} of a series.
     *
     * @param timeline the series' dates; needed by calendar inputs and a Fourier baseline
     */
    public Result train(double[] values, Timeline timeline, Split split) {
        double[] train = Arrays.copyOf(values, split.trainEnd());
        SeriesCodec codec = fitCodec(train, timeline);
        TrainingPairs pairs = codec.pairs(train, timeline == null ? null : timeline.start());
        float[][][] inputs = toSteps(pairs.inputs(), codec.window(), codec.features());
        float[][] targets = pairs.targets();
        List<Member> members = new ArrayList<>();
        for (int k = 0; k < settings.members(); k++) {
            members.add(new Member(codec, settings.seed() + k));
        }
        List<ForecastNet> nets = members.stream().map(m -> m.net).toList();
        out.printf("%d training windows of %d steps, predicting %d steps%s%n", targets.length, codec.window(),
                codec.maxHorizon(), nets.size() > 1 ? ", " + nets.size() + " networks averaged" : "");

        EpochLoop.Task task = new EpochLoop.Task() {
            @Override
            public double trainEpoch(int epoch) {
                double loss = 0;
                for (Member m : members) {
                    loss += m.epoch(inputs, targets) / members.size();
                }
                return loss;
            }

            @Override
            public double evaluate() {
                return split.validates() ? -validationMae(trainerForecaster(nets, codec, timeline), values, split)
                        : Double.NaN;
            }

            @Override
            public String metricName() {
                return split.earlyStopping() ? "-validation MAE" : "-MAE measured, not used";
            }
        };
        EpochLoop loop = split.earlyStopping()
                ? new EpochLoop(settings.maxEpochs(), settings.patience(), out)
                : EpochLoop.fixed(settings.maxEpochs(), out);
        EpochLoop.History history = loop.run(task, members.stream().map(m -> m.params).toList());
        return new Result(nets, codec, history, targets.length, timeline);
    }

    /** One network of the run with its optimiser and its own shuffling, seeded apart from the others. */
    private final class Member {

        final ForecastNet net;
        final ParamSet params;
        final Adam adam;
        final Random random;

        Member(SeriesCodec codec, long seed) {
            net = new ForecastNet(new ForecastConfig(settings.cell(), codec.features(), settings.hidden(),
                    settings.layers(), codec.maxHorizon(), settings.dropout(), seed, settings.loss()));
            params = new ParamSet(net.params());
            if (settings.hybrid()) {
                // Start from the baseline's forecast: the network's first outputs are exactly zero.
                Arrays.fill(params.get("dense.W").value(), 0f);
                Arrays.fill(params.get("dense.b").value(), 0f);
            }
            adam = new Adam(net.params(), (float) settings.learningRate(), 0.9f, 0.999f, 1e-8f,
                    (float) settings.weightDecay());
            random = new Random(seed);
        }

        /** One epoch over every pair in a fresh order; the mean loss. */
        double epoch(float[][][] inputs, float[][] targets) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < targets.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            double lossSum = 0;
            for (int from = 0; from < order.size(); from += settings.batchSize()) {
                int to = Math.min(order.size(), from + settings.batchSize());
                float[][][] x = new float[to - from][][];
                float[][] y = new float[to - from][];
                for (int i = from; i < to; i++) {
                    x[i - from] = inputs[order.get(i)];
                    y[i - from] = targets[order.get(i)];
                }
                params.zeroGrad();
                lossSum += net.lossAndGradients(x, y) * (to - from);
                params.clipGradNorm(settings.clipNorm());
                adam.step();
            }
            return lossSum / targets.length;
        }
    }

    /** The codec fitted on the training span, with the seasonal autoregression a hybrid corrects. */
    private SeriesCodec fitCodec(double[] train, Timeline timeline) {
        if (!settings.hybrid()) {
            return SeriesCodec.fit(settings.spec(), train);
        }
        return SeriesCodec.fit(settings.spec(), train, baseline(settings.spec(), train, timeline,
                settings.baselineOrder(), settings.baselineHarmonics()));
    }

    /**
     * A seasonal autoregression fitted by least squares on a training series' model space, as a hybrid
     * corrects it or a blend mixes it in.
     */
    public static SeasonalAutoregression baseline(SeriesCodec.Spec spec, double[] train, Timeline timeline, int order,
            int harmonics) {
        double[] z = SeriesCodec.modelSpace(spec.transforms(), train);
        int lags = train.length - z.length;
        return Autoregressions.fit(z, z.length, order, harmonics, harmonics > 0 ? timeline.dates(lags) : null);
    }

    /** Mean absolute error over the validation span, every origin and every step up to its horizon. */
    public static double validationMae(Forecaster forecaster, double[] values, Split split) {
        int horizon = split.validationHorizon();
        int lastOrigin = split.validationEnd() - horizon;
        double sum = 0;
        int count = 0;
        for (int origin = split.trainEnd(); origin <= lastOrigin; origin++) {
            double[] forecast = forecaster.forecast(values, origin, horizon);
            double[] actual = Arrays.copyOfRange(values, origin, origin + horizon);
            sum += Metrics.mae(forecast, actual) * horizon;
            count += horizon;
        }
        return sum / count;
    }

    /**
     * The trainer's own networks as a forecaster in the series' units: the mean of their outputs, decoded. An
     * undated series has no timeline.
     */
    public static Forecaster trainerForecaster(List<ForecastNet> nets, SeriesCodec codec, Timeline timeline) {
        return (series, end, horizon) -> codec.decode(series, end, timeline == null ? null : timeline.date(end - 1),
                meanOutput(nets, codec, timeline, series, end), horizon);
    }

    /**
     * The mean of the networks' model-space outputs for the window that ends before {@code end}, what
     * {@link #trainerForecaster} decodes.
     */
    public static float[] meanOutput(List<ForecastNet> nets, SeriesCodec codec, Timeline timeline, double[] series,
            int end) {
        LocalDate last = timeline == null ? null : timeline.date(end - 1);
        float[] window = new float[codec.window() * codec.features()];
        codec.encode(series, end, last, window, 0);
        float[][][] input = {toSteps(window, codec.window(), codec.features())};
        float[] mean = new float[codec.maxHorizon()];
        for (ForecastNet net : nets) {
            float[] output = net.predict(input)[0];
            for (int h = 0; h < mean.length; h++) {
                mean[h] += output[h] / nets.size();
            }
        }
        return mean;
    }

    public static float[][][] toSteps(float[][] flat, int window, int features) {
        float[][][] steps = new float[flat.length][][];
        for (int i = 0; i < flat.length; i++) {
            steps[i] = toSteps(flat[i], window, features);
        }
        return steps;
    }

    public static float[][] toSteps(float[] flat, int window, int features) {
        float[][] steps = new float[window][features];
        for (int t = 0; t < window; t++) {
            System.arraycopy(flat, t * features, steps[t], 0, features);
        }
        return steps;
    }
}
