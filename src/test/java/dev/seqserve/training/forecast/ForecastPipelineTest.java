package dev.seqserve.training.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.Frequency;
import dev.seqserve.training.data.GapReport;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.nn.CellType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both forecast pipelines on small synthetic series: what they measure, and that a rerun measures the same. */
class ForecastPipelineTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    /** Five years of daily values with an annual cycle, dated like the temperature preset's file. */
    private static Series dailySeries() {
        Random random = new Random(9);
        LocalDate start = LocalDate.of(1985, 1, 1);
        int n = (int) (LocalDate.of(1990, 1, 1).toEpochDay() - start.toEpochDay());
        double[] y = new double[n];
        double anomaly = 0;
        for (int t = 0; t < n; t++) {
            anomaly = 0.7 * anomaly + random.nextGaussian();
            y[t] = 11 + 4 * Math.cos(2 * Math.PI * (start.toEpochDay() + t - 20) / 365.25) + anomaly;
        }
        return new Series(Path.of("synthetic.csv"), "celsius", Frequency.DAILY, start, y,
                new GapReport(GapReport.LINEAR, List.of()));
    }

    private static ForecastOutcome holdout(String target, int blendYears) {
        Series series = dailySeries();
        var spec = new SeriesCodec.Spec("daily", 20, 7, List.of(), "standard", target, 1);
        var settings = new ForecastTraining.Settings(CellType.LSTM, spec, 4, 1, 0f, 0.0, 64, 0.01, 1.0, 3, 2, 5);
        return new HoldoutPipeline(settings, series, ForecastSpans.of(series, SeriesPreset.TEMPERATURE), blendYears,
                QUIET)
                .run();
    }

    private static ForecastOutcome rolling() {
        var spec = new SeriesCodec.Spec("monthly", 12, 12, List.of("log", "difference:12"), "standard", "change");
        var settings = new ForecastTraining.Settings(CellType.GRU, spec, 2, 1, 0f, 0.0, 32, 0.01, 1.0, 3, 3, 5);
        return new RollingPipeline(settings, MonthlySeries.airlineLike(4), SeriesPreset.AIRLINE, QUIET).run();
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesTheSameManifestMetrics() {
        ForecastOutcome a = holdout("change", 4);
        ForecastOutcome b = holdout("change", 4);
        assertThat(b.metrics()).isEqualTo(a.metrics());
        assertThat(b.baselines()).isEqualTo(a.baselines());
        assertThat(b.intervals().toManifest()).isEqualTo(a.intervals().toManifest());

        ForecastOutcome c = rolling();
        ForecastOutcome d = rolling();
        assertThat(d.metrics()).isEqualTo(c.metrics());
        assertThat(d.baselines()).isEqualTo(c.baselines());
        assertThat(d.intervals().toManifest()).isEqualTo(c.intervals().toManifest());
    }

    @Test
    void theHoldoutRunScoresTheTestYearOnceAndCalibratesOnTheValidationYear() {
        ForecastOutcome o = holdout("residual", 0);

        assertThat(o.evaluation().actual()).hasSize(365);
        assertThat(o.evaluation().forecasts().keySet()).containsExactly("model", "persistence", "ar30", "ar_fourier");
        assertThat(o.baselines()).extracting(Manifest.Baseline::name).containsExactly("persistence", "ar30", "ar_fourier");
        assertThat(o.metrics()).extracting(Manifest.Metric::name).contains("mae", "validation_mae", "coverage_80_step_1",
                "coverage_95_step_7", "width_95_step_1");
        // 366 days of 1988 one step ahead; 360 origins reach 7 steps without leaving 1988.
        assertThat(o.intervals().calibrationSize(0)).isEqualTo(366);
        assertThat(o.intervals().calibrationSize(6)).isEqualTo(360);
        assertThat(o.shipped().trainingPairs()).isGreaterThan(o.selection().trainingPairs());
        assertThat(o.shippedSpan()).isEqualTo("1985-01-01..1989-12-31");
        assertThat(o.phases()).hasSize(5);
        for (IntervalCheck.Coverage c : o.coverage()) {
            assertThat(c.coverage()).as("%s %s step %s", c.method(), c.level(), c.steps()).isBetween(c.level() - 0.1, 1.0);
        }
    }

    @Test
    void aBlendShipsTheBaselineAndItsWeightInTheCodec() {
        ForecastOutcome o = holdout("change", 4);

        Manifest.SeriesPreprocessing section = o.shipped().codec().toManifest();
        assertThat(section.target()).isEqualTo("change");
        assertThat(section.baseline()).isNotNull();
        assertThat(section.baseline().weight()).isBetween(0.0, 1.0);
        assertThat(o.notes()).containsKey("blend");
    }

    @Test
    void theBlendWeightIsChosenOnEveryValidationYearWithTwoYearsBeforeIt() {
        // The synthetic series starts in 1985: of four years back from 1988, 1985 and 1986 lack two years before them.
        ForecastOutcome four = holdout("change", 4);
        ForecastOutcome one = holdout("change", 1);

        assertThat(metric(four, "blend_validation_mae").split()).startsWith("1987-01-01..1988-12-31");
        assertThat(metric(one, "blend_validation_mae").split()).startsWith("1988-01-01..1988-12-31");
        assertThat(four.notes().get("blend")).contains("1987: ").contains("1988: ");
        // On the validation year alone the pooled MAE is the selection run's validation MAE.
        assertThat(metric(one, "blend_validation_mae").value()).isEqualTo(metric(one, "validation_mae").value());
        for (ForecastOutcome o : List.of(four, one)) {
            assertThat(metric(o, "blend_validation_mae").value()).as("the chosen weight is at least as good as the "
                    + "baseline alone (weight 1 is a candidate)")
                    .isLessThanOrEqualTo(metric(o, "blend_validation_mae_ar_fourier").value());
        }
        assertThat(four.phases()).hasSize(one.phases().size());
    }

    private static Manifest.Metric metric(ForecastOutcome o, String name) {
        return o.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRollingRunScoresEveryOriginYearAgainstTheBaselines() {
        ForecastOutcome o = rolling();

        assertThat(o.folds()).extracting(ForecastOutcome.FoldRow::label)
                .containsExactly("1953", "1954", "1955", "1956", "1957", "1958");
        assertThat(o.folds().get(0).mae().keySet()).containsExactly("model", "seasonal_naive", "seasonal_growth",
                "holt_winters");
        assertThat(o.evaluation().actual()).hasSize(72);
        assertThat(o.baselines()).extracting(Manifest.Baseline::metric).containsOnly("cv_mae");
        // Monthly origins January 1953 to December 1958: 72 one step ahead, 61 reach 12 steps.
        assertThat(o.intervals().calibrationSize(0)).isEqualTo(72);
        assertThat(o.intervals().calibrationSize(11)).isEqualTo(61);
        assertThat(o.shippedSpan()).isEqualTo("1949-01-01..1958-12-01");
    }
}
