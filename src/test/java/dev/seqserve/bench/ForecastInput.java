package dev.seqserve.bench;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.preprocess.SeriesCodec;
import java.util.List;

/**
 * A forecaster a run measures and what it is sent: stretches of its own series, each one request's
 * values, and the horizon asked for.
 *
 * @param artifact the forecast model
 * @param series where its stretches come from
 * @param stretches one request's values each: a year of daily values (or what the model needs, if more), or
 *     the whole series when it is shorter
 * @param horizon the steps asked for: a week, or the model's most if fewer
 */
record ForecastInput(ArtifactFolder artifact, SeriesSamples series, List<double[]> stretches, int horizon) {

    private static final int STRETCHES = 2_000;

    static ForecastInput of(ArtifactFolder artifact, SeriesSamples series) {
        int length = Math.max(365, SeriesCodec.from(artifact.manifest().series()).minLength());
        return new ForecastInput(artifact, series, series.stretches(STRETCHES, length),
                Math.min(7, artifact.manifest().series().maxHorizon()));
    }

    String model() {
        return artifact.manifest().name();
    }
}
