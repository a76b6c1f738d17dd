package dev.seqserve.training.forecast;

import dev.seqserve.training.run.EpochLoop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.data.SeriesCsvReader;
import dev.seqserve.training.data.SharedData;
import dev.seqserve.training.eval.Baselines;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.nn.CellType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolling-origin cross-validation trains each fold on its past only and scores the served forecast. */
class RollingOriginCvTest {

    private static final List<Integer> ORIGINS = List.of(1955, 1956, 1957);

    @Test
    void noFoldReadsAValueFromItsOriginYearOrLater() {
        double[] values = MonthlySeries.airlineLike(2).values();
        RollingOrigins origins = RollingOrigins.of(MonthlySeries.airlineLike(2), ORIGINS, SeriesPreset.AIRLINE.testStart, 12);
        ForecastTraining.Settings settings = tiny(4);
        for (RollingOrigins.Fold fold : origins.folds()) {
            double[] changed = values.clone();
            for (int t = fold.origin(); t < changed.length; t++) {
                changed[t] = 5 * changed[t] + 1000;
            }

            ForecastTraining.Result a = new ForecastTraining(settings, quiet()).train(fold.visible(values), fold.split());
            ForecastTraining.Result b = new ForecastTraining(settings, quiet()).train(fold.visible(changed), fold.split());

            assertThat(b.history().epochs().stream().map(EpochLoop.Epoch::trainLoss).toList())
                    .as("training losses of origin %d", fold.year())
                    .isEqualTo(a.history().epochs().stream().map(EpochLoop.Epoch::trainLoss).toList());
            assertThat(b.forecaster().forecast(changed, fold.origin(), 12))
                    .containsExactly(a.forecaster()
                            .forecast(values, fold.origin(), 12));
        }
    }

    @Test
    void theTestSpanChangesNoScore() {
        Series series = MonthlySeries.airlineLike(3);
        double[] values = series.values();
        double[] changedTest = values.clone();
        for (int t = series.indexOf(SeriesPreset.AIRLINE.testStart); t < values.length; t++) {
            changedTest[t] = 0.5;
        }
        RollingOriginCv cv = new RollingOriginCv(
                RollingOrigins.of(series, ORIGINS, SeriesPreset.AIRLINE.testStart, 12), 12);

        RollingOriginCv.Outcome a = cv.run(tiny(3), values);
        RollingOriginCv.Outcome b = cv.run(tiny(3), changedTest);

        for (int epochs = 1; epochs <= 3; epochs++) {
            assertThat(b.perOrigin(epochs)).containsExactly(a.perOrigin(epochs));
        }
        assertThat(b.seasonalNaive()).containsExactly(a.seasonalNaive());
        assertThat(b.seasonalGrowth()).containsExactly(a.seasonalGrowth());
    }

    @Test
    void aFoldsScoreIsTheMaeOfTheForecastFromItsOriginAfterThatManyEpochs() {
        Series series = MonthlySeries.airlineLike(4);
        double[] values = series.values();
        RollingOriginCv cv = new RollingOriginCv(RollingOrigins.of(series, List.of(1957), SeriesPreset.AIRLINE.testStart,
                12), 12);
        RollingOrigins.Fold fold = cv.origins().folds().get(0);

        RollingOriginCv.Outcome outcome = cv.run(tiny(3), values);
        ForecastTraining.Result twoEpochs = new ForecastTraining(tiny(2), quiet()).train(fold.visible(values), fold.split());

        double[] forecast = twoEpochs.forecaster()
                .forecast(values, fold.origin(), 12);
        assertThat(outcome.perOrigin(2)[0]).isCloseTo(Metrics.mae(forecast, fold.actual(values)), within(1e-9));
        assertThat(outcome.seasonalNaive()[0]).isCloseTo(Metrics.mae(
                Baselines.seasonalNaive(12).forecast(values, fold.origin(), 12), fold.actual(values)), within(1e-12));
        assertThat(outcome.seasonalGrowth()[0]).isCloseTo(Metrics.mae(
                Baselines.seasonalGrowth(12).forecast(values, fold.origin(), 12), fold.actual(values)), within(1e-12));
        assertThat(twoEpochs.history().epochs()).hasSize(2);
        assertThat(twoEpochs.history().bestEpoch()).as("fixed epochs keep the last weights").isEqualTo(2);
    }

    @Test
    void aConfigurationTheFirstOriginCannotTrainIsReportedNotRun() {
        Series series = MonthlySeries.airlineLike(5);
        RollingOriginCv cv = new RollingOriginCv(RollingOrigins.of(series, List.of(1953, 1957),
                SeriesPreset.AIRLINE.testStart, 12), 12);
        SeriesCodec.Spec tooLong = new SeriesCodec.Spec("monthly", 36, 12, List.of("log", "difference:12"), "standard",
                "change");

        assertThat(cv.infeasibility(tooLong, series.values())).hasValueSatisfying(
                reason -> assertThat(reason).contains("origin 1953").contains("48"));
        assertThat(cv.infeasibility(tiny(1).spec(), series.values())).isEmpty();
    }

    @Test
    void seasonalNaiveOnTheRealAirlineOrigins() throws Exception {
        Series series = SeriesCsvReader.read(SharedData.require(SeriesPreset.AIRLINE.file));
        RollingOriginCv cv = new RollingOriginCv(RollingOrigins.of(series, SeriesPreset.AIRLINE.cvOrigins,
                SeriesPreset.AIRLINE.testStart, 12), SeriesPreset.AIRLINE.period);
        double[] y = series.values();

        double[] naive = cv.seasonalNaive(y);

        List<Integer> years = SeriesPreset.AIRLINE.cvOrigins;
        int lastOrigin = series.indexOf(java.time.LocalDate.of(years.get(years.size() - 1), 1, 1));
        double sum = 0;
        for (int t = lastOrigin; t < lastOrigin + 12; t++) {
            sum += Math.abs(y[t] - y[t - 12]);
        }
        assertThat(naive).hasSize(SeriesPreset.AIRLINE.cvOrigins.size());
        assertThat(naive[naive.length - 1]).isCloseTo(sum / 12, within(1e-12));
        System.out.println("airline seasonal-naive MAE per origin " + SeriesPreset.AIRLINE.cvOrigins + ": "
                + Arrays.toString(naive));
    }

    private static ForecastTraining.Settings tiny(int epochs) {
        return new ForecastTraining.Settings(CellType.GRU,
                new SeriesCodec.Spec("monthly", 12, 12, List.of("log", "difference:12"), "standard", "change"), 4, 1, 0f,
                0.0, 32, 0.01, 1.0, epochs, 1, 11);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
