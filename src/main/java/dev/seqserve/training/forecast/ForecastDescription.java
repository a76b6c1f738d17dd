package dev.seqserve.training.forecast;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import java.util.Locale;

/** How a forecaster turns a request's series into a forecast, in words, from its manifest section. */
final class ForecastDescription {

    private ForecastDescription() {}

    static String of(Manifest.SeriesPreprocessing sp) {
        String calendar = sp.calendarHarmonics() > 0
                ? " Beside each value the network reads " + 2 * sp.calendarHarmonics() + " calendar inputs, the sine and "
                        + "cosine of the first " + sp.calendarHarmonics() + " annual harmonic(s) of its date."
                : "";
        String target = switch (sp.target()) {
            case SeriesCodec.TARGET_CHANGE -> "the change from the last value, divided by the scaler's spread";
            case SeriesCodec.TARGET_RESIDUAL -> baseline(sp.baseline());
            default -> "the scaled value";
        };
        boolean dated = sp.calendarHarmonics() > 0 || sp.baseline() != null && sp.baseline().harmonics() > 0;
        return "Direct strategy: the network reads the last " + sp.window() + " values (after the transforms) and "
                + "outputs all " + sp.maxHorizon() + " steps at once; a request for a shorter horizon takes the first "
                + "steps. Transforms, in order: " + (sp.transforms().isEmpty() ? "none" : "`"
                        + String.join("`, `", sp.transforms()) + "`")
                + "; then a " + sp.scaler().kind() + " scaler fitted on the training span only "
                + sp.scaler().parameters() + "." + calendar + " Target: " + target + ". The same `SeriesCodec` class "
                + "does this in training and in the server, parameterised by the manifest."
                + (dated ? " The model reads the calendar, so a request must give the date of its last value "
                        + "(`lastTimestamp`)." : "");
    }

    private static String baseline(Manifest.SeriesPreprocessing.Baseline b) {
        return String.format(Locale.ROOT, "what a classical forecast misses: the network's output, times the scaler's "
                + "spread, is added to the forecast of an AR(%d) with %d annual sine/cosine pair(s) (%s; coefficients in "
                + "the manifest), computed by the codec from the same window, so the network learns only the "
                + "residual, and an output of zero is the classical forecast itself", b.order(), b.harmonics(),
                b.fitted());
    }
}
