package dev.seqserve.serving.web;

import dev.seqserve.serving.SeqserveProperties;
import java.util.function.ToIntFunction;

/** A configurable size limit on request content, and the problem its breach is answered with. */
public enum Limit {
    /** Characters (Unicode code points) in one text: {@code seqserve.sentiment.max-text-length}. */
    TEXT_LENGTH(ProblemType.TEXT_TOO_LONG, "characters", p -> p.sentiment().maxTextLength()),
    /** Texts in one request: {@code seqserve.sentiment.max-texts}. */
    TEXTS(ProblemType.BATCH_TOO_LARGE, "texts", p -> p.sentiment().maxTexts()),
    /** Values in one series: {@code seqserve.forecast.max-series-length}. */
    SERIES_LENGTH(ProblemType.SERIES_TOO_LONG, "values", p -> p.forecast().maxSeriesLength());

    private final ProblemType problem;
    private final String unit;
    private final ToIntFunction<SeqserveProperties> max;

    Limit(ProblemType problem, String unit, ToIntFunction<SeqserveProperties> max) {
        this.problem = problem;
        this.unit = unit;
        this.max = max;
    }

    /** The problem a breach is answered with. */
    public ProblemType problem() {
        return problem;
    }

    String unit() {
        return unit;
    }

    int max(SeqserveProperties properties) {
        return max.applyAsInt(properties);
    }
}
