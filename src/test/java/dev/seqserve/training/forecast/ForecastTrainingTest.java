package dev.seqserve.training.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.eval.Baselines;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.nn.CellType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecastTrainingTest {

    @Test
    void aSmallForecasterLearnsASeasonalSeriesBetterThanPersistence() {
        double[] values = seasonal(400, 20, 11);
        ForecastTraining.Split split = new ForecastTraining.Split(300, 400, 1);
        ForecastTraining.Settings settings = new ForecastTraining.Settings(CellType.GRU,
                new SeriesCodec.Spec("daily", 20, 3, List.of(), "standard", "value"), 16, 1, 0f, 0.0, 16, 0.01, 1.0,
                25, 25, 7);

        ForecastTraining.Result result = new ForecastTraining(settings, quiet()).train(values, split);

        double modelMae = -result.history().best().devMetric();
        double[] actual = Arrays.copyOfRange(values, 300, 400);
        double persistenceMae = Metrics.mae(Baselines.persistence().oneStepAhead(values, 300, 400), actual);
        assertThat(modelMae).isLessThan(0.8 * persistenceMae);
        assertThat(result.history().epochs().get(result.history().bestEpoch() - 1).trainLoss())
                .isLessThan(result.history().epochs().get(0).trainLoss());
    }

    @Test
    void validationReadsOnlyValuesBeforeEachOrigin() {
        double[] values = seasonal(200, 10, 3);
        ForecastTraining.Settings settings = new ForecastTraining.Settings(CellType.LSTM,
                new SeriesCodec.Spec("daily", 10, 2, List.of(), "standard", "change"), 4, 1, 0f, 0.0, 16, 0.01, 1.0,
                1, 1, 7);
        ForecastTraining.Result result =
                new ForecastTraining(settings, quiet()).train(values, new ForecastTraining.Split(150, 200, 2));
        double[] changedFuture = values.clone();
        for (int i = 180; i < 200; i++) {
            changedFuture[i] += 100;
        }

        double[] before = result.forecaster().forecast(values, 180, 2);
        double[] after =
                result.forecaster().forecast(changedFuture, 180, 2);

        assertThat(after).containsExactly(before);
    }

    @Test
    void anEnsembleForecastsTheMeanOfItsMembersEachTrainedWithItsOwnSeed() {
        double[] values = seasonal(200, 10, 5);
        ForecastTraining.Settings one = new ForecastTraining.Settings(CellType.GRU,
                new SeriesCodec.Spec("daily", 10, 2, List.of(), "standard", "value"), 4, 1, 0f, 0.0, 16, 0.01, 1.0,
                2, 2, 7);
        ForecastTraining.Split split = new ForecastTraining.Split(200, 200, 0, false);
        ForecastTraining.Result ensemble = new ForecastTraining(one.withMembers(2), quiet()).train(values, split);
        ForecastTraining.Result first = new ForecastTraining(one, quiet()).train(values, split);
        ForecastTraining.Settings secondSeed = new ForecastTraining.Settings(CellType.GRU, one.spec(), 4, 1, 0f, 0.0, 16,
                0.01, 1.0, 2, 2, 8);
        ForecastTraining.Result second = new ForecastTraining(secondSeed, quiet()).train(values, split);

        assertThat(ensemble.nets()).hasSize(2);
        float[] window = new float[10];
        ensemble.codec().encode(values, 200, window, 0);
        float[][][] input = {ForecastTraining.toSteps(window, 10, 1)};
        float[] a = first.nets().get(0).predict(input)[0];
        float[] b = second.nets().get(0).predict(input)[0];
        assertThat(ensemble.nets().get(0).predict(input)[0]).containsExactly(a);
        assertThat(ensemble.nets().get(1).predict(input)[0]).containsExactly(b);
        double[] mean = ensemble.codec().decode(values, 200, new double[] {(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0}, 2);
        assertThat(ensemble.forecaster().forecast(values, 200, 2)).containsExactly(mean, within(1e-5));
    }

    private static double[] seasonal(int n, int period, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = 10 + 5 * Math.sin(2 * Math.PI * t / period) + 0.3 * random.nextGaussian();
        }
        return values;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
