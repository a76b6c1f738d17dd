package dev.seqserve.training.forecast;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.eval.Baselines;
import dev.seqserve.training.eval.Forecaster;
import dev.seqserve.training.eval.Metrics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rolling-origin cross-validation of one forecast configuration. For every fold it trains the network
 * with {@link ForecastTraining} on the values before the origin only, for a fixed number of epochs (no
 * early stopping: the data before an early origin is too short to give up a year of it), and scores the
 * forecast of the origin's year made exactly as the server makes it: encode the window before the
 * origin, run the network once, decode all steps. The fold's MAE is recorded after every epoch, so one
 * run also scores every shorter epoch count; it never stops training or picks weights.
 */
public final class RollingOriginCv {

    /**
     * One fold's scores.
     *
     * @param fold the origin
     * @param trainingWindows how many (window, target) pairs the values before the origin gave
     * @param maeByEpoch the fold's MAE after epoch {@code e}, at index {@code e - 1}
     * @param seasonalNaiveMae the seasonal-naive forecast's MAE on the same steps
     * @param seasonalGrowthMae the MAE on the same steps of seasonal naive times the last year's growth
     * @param forecast the fold's forecast of its scored steps after the last epoch
     */
    public record FoldResult(RollingOrigins.Fold fold, int trainingWindows, double[] maeByEpoch, double seasonalNaiveMae,
            double seasonalGrowthMae, double[] forecast) {

        /** The MAE after {@code epochs} epochs. */
        double mae(int epochs) {
            if (epochs < 1 || epochs > maeByEpoch.length) {
                throw new IllegalArgumentException("the fold ran " + maeByEpoch.length + " epochs, not " + epochs);
            }
            return maeByEpoch[epochs - 1];
        }
    }

    /** Every fold of one configuration, trained for {@code settings.maxEpochs()} epochs. */
    public record Outcome(ForecastTraining.Settings settings, List<FoldResult> folds) {

        /** Per-origin MAEs after {@code epochs} epochs, in origin order. */
        public double[] perOrigin(int epochs) {
            return folds.stream().mapToDouble(f -> f.mae(epochs)).toArray();
        }

        /** The seasonal-naive MAE per origin. */
        public double[] seasonalNaive() {
            return folds.stream().mapToDouble(FoldResult::seasonalNaiveMae).toArray();
        }

        /** The MAE per origin of seasonal naive times the last year's growth. */
        public double[] seasonalGrowth() {
            return folds.stream().mapToDouble(FoldResult::seasonalGrowthMae).toArray();
        }
    }

    private final RollingOrigins origins;
    private final int period;
    private final Timeline timeline;

    /**
     * @param origins the folds
     * @param period the seasonal period of the seasonal-naive baseline
     */
    public RollingOriginCv(RollingOrigins origins, int period) {
        this(origins, period, null);
    }

    /**
     * @param timeline the series' dates, for models that read the calendar; may be {@code null} otherwise
     */
    public RollingOriginCv(RollingOrigins origins, int period, Timeline timeline) {
        this.origins = origins;
        this.period = period;
        this.timeline = timeline;
    }

    public RollingOrigins origins() {
        return origins;
    }

    /**
     * Why a configuration cannot be cross-validated on these origins, if it cannot: the values before the
     * first origin must give the codec at least one training pair.
     */
    public Optional<String> infeasibility(SeriesCodec.Spec spec, double[] values) {
        RollingOrigins.Fold first = origins.folds().get(0);
        try {
            SeriesCodec.fit(spec, Arrays.copyOf(values, first.origin()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("origin " + first.year() + ": " + e.getMessage());
        }
    }

    /**
     * Trains and scores every fold.
     *
     * @param settings the configuration; {@code maxEpochs} epochs are trained per fold
     * @param values the whole series; each fold is handed only the values it may see
     * @throws IllegalArgumentException if the configuration is infeasible (see {@link #infeasibility})
     */
    public Outcome run(ForecastTraining.Settings settings, double[] values) {
        infeasibility(settings.spec(), values).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        List<FoldResult> folds = new ArrayList<>();
        for (RollingOrigins.Fold fold : origins.folds()) {
            double[] visible = fold.visible(values);
            ForecastTraining.Result result = new ForecastTraining(settings, quiet).train(visible, timeline, fold.split());
            double[] maeByEpoch = result.history().epochs().stream().mapToDouble(e -> -e.devMetric()).toArray();
            folds.add(new FoldResult(fold, result.trainingPairs(), maeByEpoch,
                    baselineMae(Baselines.seasonalNaive(period), fold, visible),
                    baselineMae(Baselines.seasonalGrowth(period), fold, visible),
                    result.forecaster().forecast(visible, fold.origin(), fold.horizon())));
        }
        return new Outcome(settings, List.copyOf(folds));
    }

    /** The seasonal-naive MAE of every fold, in origin order. */
    public double[] seasonalNaive(double[] values) {
        Forecaster naive = Baselines.seasonalNaive(period);
        return origins.folds().stream().mapToDouble(f -> baselineMae(naive, f, f.visible(values))).toArray();
    }

    private static double baselineMae(Forecaster baseline, RollingOrigins.Fold fold, double[] visible) {
        return Metrics.mae(baseline.forecast(visible, fold.origin(), fold.horizon()), fold.actual(visible));
    }
}
