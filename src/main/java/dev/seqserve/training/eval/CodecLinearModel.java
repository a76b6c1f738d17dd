package dev.seqserve.training.eval;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TrainingPairs;

/**
 * A direct multi-output linear model on a {@link SeriesCodec}'s inputs and targets: the linear
 * counterpart of a recurrent forecaster with the same preprocessing, to judge what a codec setting
 * makes learnable before any network is trained.
 */
public final class CodecLinearModel implements Forecaster {

    private final SeriesCodec codec;
    private final LinearRegression regression;

    private CodecLinearModel(SeriesCodec codec, LinearRegression regression) {
        this.codec = codec;
        this.regression = regression;
    }

    /**
     * @param codec a codec fitted on {@code train}
     * @param train the training series only
     * @param ridge the ridge penalty on the scaled inputs (see {@link LinearRegression#fit})
     */
    public static CodecLinearModel fit(SeriesCodec codec, double[] train, double ridge) {
        TrainingPairs pairs = codec.pairs(train);
        if (pairs.size() == 0) {
            throw new IllegalArgumentException("the training series is too short for the codec");
        }
        return new CodecLinearModel(codec, LinearRegression.fit(pairs.inputs(), pairs.targets(), ridge));
    }

    /** The codec. */
    public SeriesCodec codec() {
        return codec;
    }

    @Override
    public double[] forecast(double[] series, int end, int horizon) {
        float[] input = new float[codec.window() * codec.features()];
        codec.encode(series, end, input, 0);
        return codec.decode(series, end, regression.predict(input), horizon);
    }
}
