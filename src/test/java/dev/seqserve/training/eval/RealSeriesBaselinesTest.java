package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.data.SeriesCsvReader;
import dev.seqserve.training.data.SharedData;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The acceptance baselines of issue 2 on the real series; skipped when the shared data is absent. */
class RealSeriesBaselinesTest {

    @Test
    void ar30BeatsPersistenceOnMelbourne1989ByAboutEightPercent() throws Exception {
        Series s = SeriesCsvReader.read(SharedData.require("series/melbourne_daily_min_temp_1981_1989.csv"));
        double[] y = s.values();
        int test = s.indexOf(LocalDate.of(1989, 1, 1));
        double[] actual = s.values(test, y.length);

        double persistence = Metrics.mae(Baselines.persistence().oneStepAhead(y, test, y.length), actual);
        Forecaster ar30 = Autoregressions.forecaster(Autoregressions.fit(y, test, 30, 0, null), null);
        double ar = Metrics.mae(ar30.oneStepAhead(y, test, y.length), actual);
        System.out.printf(Locale.ROOT, "Melbourne 1989 one-step MAE: persistence %.4f, AR(30) %.4f (ratio %.4f)%n",
                persistence, ar, ar / persistence);

        assertThat(ar / persistence).isCloseTo(0.92, within(0.02));
    }

    @Test
    void theCodecsDirectLinearModelOnRawLevelsIsTheAutoregression() throws Exception {
        Series s = SeriesCsvReader.read(SharedData.require("series/melbourne_daily_min_temp_1981_1989.csv"));
        double[] y = s.values();
        int test = s.indexOf(LocalDate.of(1989, 1, 1));
        double[] train = s.values(0, test);
        SeriesCodec codec = SeriesCodec.fit(new SeriesCodec.Spec("daily", 30, 1, List.of(), "standard", "value"), train);
        double[] direct = CodecLinearModel.fit(codec, train, 0).oneStepAhead(y, test, y.length);
        double[] ar = Autoregressions.forecaster(Autoregressions.fit(train, train.length, 30, 0, null), null)
                .oneStepAhead(y, test, y.length);
        for (int i = 0; i < direct.length; i++) {
            assertThat(direct[i]).isCloseTo(ar[i], within(1e-3));   // float inputs, same least-squares problem
        }
    }

    @Test
    void seasonalNaiveForAirline1958() throws Exception {
        Series s = SeriesCsvReader.read(SharedData.require("series/airline_passengers_1949_1958.csv"));
        double[] y = s.values();
        int test = s.indexOf(LocalDate.of(1958, 1, 1));
        double[] forecast = Baselines.seasonalNaive(12).forecast(y, test, 12);
        double mae = Metrics.mae(forecast, s.values(test, test + 12));
        System.out.printf(Locale.ROOT, "Airline 1958 12-month MAE: seasonal naive %.4f, MASE %.4f%n", mae,
                Metrics.mase(forecast, s.values(test, test + 12), s.values(0, test), 12));

        assertThat(mae).isCloseTo(151.0 / 12, within(1e-9));
    }
}
