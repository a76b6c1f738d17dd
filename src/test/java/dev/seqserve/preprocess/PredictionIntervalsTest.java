package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PredictionIntervalsTest {

    private static final double[] NINE = {5, 3, 9, 1, 7, 2, 8, 4, 6};

    @Test
    void theRadiusIsTheConformalRankOfTheStepsScores() {
        PredictionIntervals p = PredictionIntervals.of(PredictionIntervals.Errors.ABSOLUTE, "test",
                List.of(NINE, new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90}));

        PredictionIntervals.Bounds b = p.bounds(new double[] {100, 200}, 0.8);   // rank ⌈10 · 0.8⌉ = 8
        assertThat(b.lower()).containsExactly(92, 120);
        assertThat(b.upper()).containsExactly(108, 280);
        assertThat(p.bounds(new double[] {100}, 0.5).upper()).containsExactly(105);   // rank 5
        assertThat(p.bounds(new double[] {100}, 0.9).upper()).containsExactly(109);   // rank 9, the largest
    }

    @Test
    void aLevelAboveNOverNPlusOneIsRefusedNotAnsweredWithTheLargestScore() {
        PredictionIntervals p = PredictionIntervals.of(PredictionIntervals.Errors.ABSOLUTE, "test", List.of(NINE));

        assertThat(p.maxLevel(1)).isEqualTo(0.9);
        assertThatThrownBy(() -> p.bounds(new double[] {0}, 0.91)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.9000");
        assertThatThrownBy(() -> p.bounds(new double[] {0}, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.bounds(new double[] {0}, 0.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logErrorsGiveBoundsThatScaleWithTheForecastAndStayPositive() {
        double ln2 = Math.log(2);
        PredictionIntervals p = PredictionIntervals.of(PredictionIntervals.Errors.LOG, "test",
                List.of(new double[] {ln2, ln2, ln2}));

        PredictionIntervals.Bounds b = p.bounds(new double[] {100}, 0.5);
        assertThat(b.lower()[0]).isCloseTo(50, within(1e-9));
        assertThat(b.upper()[0]).isCloseTo(200, within(1e-9));
        assertThat(PredictionIntervals.score(PredictionIntervals.Errors.LOG, 100, 200)).isCloseTo(ln2, within(1e-12));
        assertThatThrownBy(() -> PredictionIntervals.score(PredictionIntervals.Errors.LOG, 100, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onExchangeableErrorsTheCoverageIsOnAverageAtLeastTheLevelAndNotMuchMore() {
        // The guarantee is over calibration draws too, so the test averages 20 calibrations of 99 scores.
        Random random = new Random(3);
        for (double level : new double[] {0.5, 0.8, 0.95}) {
            int inside = 0;
            int n = 0;
            for (int draw = 0; draw < 20; draw++) {
                double[] calibration = new double[99];
                for (int i = 0; i < calibration.length; i++) {
                    calibration[i] = PredictionIntervals.score(PredictionIntervals.Errors.ABSOLUTE, 0,
                            2 * random.nextGaussian());
                }
                PredictionIntervals p = PredictionIntervals.of(PredictionIntervals.Errors.ABSOLUTE, "test",
                        List.of(calibration));
                for (int i = 0; i < 5_000; i++, n++) {
                    double forecast = 10 * random.nextDouble();
                    double actual = forecast + 2 * random.nextGaussian();
                    PredictionIntervals.Bounds b = p.bounds(new double[] {forecast}, level);
                    inside += actual >= b.lower()[0] && actual <= b.upper()[0] ? 1 : 0;
                }
            }
            // E[coverage] = ⌈100·α⌉ / 100 = α here; the mean of 20 draws has a standard deviation below 0.01.
            assertThat((double) inside / n).as("level %s", level).isBetween(level - 0.02, level + 0.02);
        }
    }

    @Test
    void theManifestRoundTripGivesTheSameBounds() {
        PredictionIntervals p = PredictionIntervals.of(PredictionIntervals.Errors.LOG, "from somewhere",
                List.of(NINE, new double[] {0.5, 0.25}));
        PredictionIntervals back = PredictionIntervals.from(p.toManifest());

        assertThat(back.calibration()).isEqualTo("from somewhere");
        assertThat(back.errors()).isEqualTo(PredictionIntervals.Errors.LOG);
        assertThat(back.bounds(new double[] {3, 4}, 0.6).upper()).containsExactly(p.bounds(new double[] {3, 4}, 0.6).upper());
        assertThat(back.toManifest().scores().get(1)).containsExactly(0.25, 0.5);
    }

    @Test
    void scoresMustBeFiniteAndNotNegative() {
        assertThatThrownBy(() -> PredictionIntervals.of(PredictionIntervals.Errors.ABSOLUTE, "x",
                List.of(new double[] {1, -1}))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PredictionIntervals.of(PredictionIntervals.Errors.ABSOLUTE, "x",
                List.of(new double[] {1, Double.NaN}))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PredictionIntervals.of(PredictionIntervals.Errors.ABSOLUTE, "x",
                List.of(new double[0]))).isInstanceOf(IllegalArgumentException.class);
    }
}
