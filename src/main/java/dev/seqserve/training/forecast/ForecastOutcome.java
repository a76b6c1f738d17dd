package dev.seqserve.training.forecast;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.PredictionIntervals;
import dev.seqserve.training.run.PhaseTimes;
import java.util.List;
import java.util.Map;

/**
 * Everything a forecast training command measured, for the manifest and the report.
 *
 * @param shipped the run whose weights ship as {@code model.onnx}
 * @param selection the run whose epochs chose the epoch count (the shipped run when none chose)
 * @param shippedSpan the dates the shipped weights were trained on
 * @param evaluation the model and the baselines on the span that scores them
 * @param intervals the calibration the shipped model's manifest records
 * @param coverage the intervals of the model and of the reference baseline, checked out of sample
 * @param fan the model's forecasts with their intervals against what happened, for the fan chart
 * @param metrics the model's metrics for the manifest
 * @param baselines the baselines' metrics for the manifest
 * @param notes how the run was done, added to the manifest's hyper-parameters
 * @param phases the time each phase took
 * @param folds per rolling origin, the MAE of the model and of each baseline; empty without origins
 */
record ForecastOutcome(
        ForecastTraining.Result shipped,
        ForecastTraining.Result selection,
        String shippedSpan,
        Evaluation evaluation,
        PredictionIntervals intervals,
        List<IntervalCheck.Coverage> coverage,
        Fan fan,
        List<Manifest.Metric> metrics,
        List<Manifest.Baseline> baselines,
        Map<String, String> notes,
        List<PhaseTimes.Phase> phases,
        List<FoldRow> folds) {

    /** The method name of the network in {@link Evaluation#forecasts()}. */
    static final String MODEL = "model";

    /**
     * Forecasts of the evaluated span, flattened over its origins.
     *
     * @param split the span's name, as the manifest's metrics give it
     * @param description how the span is forecast, in a sentence
     * @param actual what happened
     * @param forecasts per method, {@link #MODEL} first, each as long as {@code actual}
     * @param descriptions per baseline, how it works and was fitted
     * @param modelScoring how the model's forecasts were computed, in a sentence
     */
    record Evaluation(String split, String description, double[] actual, Map<String, double[]> forecasts,
            Map<String, String> descriptions, String modelScoring) {}

    /**
     * A forecast and its intervals against what happened.
     *
     * @param title the chart's title
     * @param xLabel what the x axis counts
     * @param actual what happened
     * @param forecast the forecast of each point
     * @param bounds the intervals, widest level last
     */
    record Fan(String title, String xLabel, double[] actual, double[] forecast, List<PredictionIntervals.Bounds> bounds) {}

    /**
     * One rolling origin.
     *
     * @param label e.g. {@code 1953}
     * @param trainedOn the dates the fold's model was trained on
     * @param windows its training pairs
     * @param mae per method, its MAE on the origin's steps
     */
    record FoldRow(String label, String trainedOn, int windows, Map<String, Double> mae) {}
}
