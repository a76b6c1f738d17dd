package dev.seqserve.training.forecast;

import dev.seqserve.training.run.EpochLoop;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TrainingPairs;
import dev.seqserve.training.eval.Forecaster;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.nn.Adam;
import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.nn.ForecastConfig;
import dev.seqserve.training.nn.ForecastNet;
import dev.seqserve.training.nn.ParamSet;
import java.io.PrintStream;
import java.util.Arrays;
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
            long seed) {

        /** These settings trained for another number of epochs. */
        public Settings withMaxEpochs(int epochs) {
            return new Settings(cell, spec, hidden, layers, dropout, weightDecay, batchSize, learningRate, clipNorm,
                    epochs, patience, seed);
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

    /** The trained network and the codec it was trained with. */
    public record Result(ForecastNet net, SeriesCodec codec, EpochLoop.History history, int trainingPairs) {}

    private final Settings settings;
    private final PrintStream out;

    public ForecastTraining(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public Result train(double[] values, Split split) {
        double[] train = Arrays.copyOf(values, split.trainEnd());
        SeriesCodec codec = SeriesCodec.fit(settings.spec(), train);
        TrainingPairs pairs = codec.pairs(train);
        float[][][] inputs = toSteps(pairs.inputs(), codec.window(), codec.features());
        float[][] targets = pairs.targets();
        ForecastNet net = new ForecastNet(new ForecastConfig(settings.cell(), codec.features(), settings.hidden(),
                settings.layers(), codec.maxHorizon(), settings.dropout(), settings.seed()));
        ParamSet params = new ParamSet(net.params());
        Adam adam = new Adam(net.params(), (float) settings.learningRate(), 0.9f, 0.999f, 1e-8f,
                (float) settings.weightDecay());
        Random random = new Random(settings.seed());
        out.printf("%d training windows of %d steps, predicting %d steps%n", targets.length, codec.window(),
                codec.maxHorizon());

        EpochLoop.Task task = new EpochLoop.Task() {
            @Override
            public double trainEpoch(int epoch) {
                List<Integer> order = new java.util.ArrayList<>();
                for (int i = 0; i < targets.length; i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, random);
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

            @Override
            public double evaluate() {
                return split.validates() ? -validationMae(net, codec, values, split) : Double.NaN;
            }

            @Override
            public String metricName() {
                return split.earlyStopping() ? "-validation MAE" : "-MAE measured, not used";
            }
        };
        EpochLoop loop = split.earlyStopping()
                ? new EpochLoop(settings.maxEpochs(), settings.patience(), out)
                : EpochLoop.fixed(settings.maxEpochs(), out);
        EpochLoop.History history = loop.run(task, params);
        return new Result(net, codec, history, targets.length);
    }

    /** Mean absolute error over the validation span, every origin and every step up to its horizon. */
    public static double validationMae(ForecastNet net, SeriesCodec codec, double[] values, Split split) {
        Forecaster forecaster = trainerForecaster(net, codec);
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

    /** The trainer's own network as a forecaster in the series' units. */
    public static Forecaster trainerForecaster(ForecastNet net, SeriesCodec codec) {
        return (series, end, horizon) -> {
            float[] window = new float[codec.window() * codec.features()];
            codec.encode(series, end, window, 0);
            float[] output = net.predict(new float[][][] {toSteps(window, codec.window(), codec.features())})[0];
            return codec.decode(series, end, output, horizon);
        };
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
