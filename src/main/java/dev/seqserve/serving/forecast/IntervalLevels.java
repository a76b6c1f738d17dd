package dev.seqserve.serving.forecast;

import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The checks of a request's {@code intervals} that depend on no model. */
final class IntervalLevels {

    /** The most levels one request may ask for. */
    static final int MAX_LEVELS = 5;

    private IntervalLevels() {}

    /**
     * @param levels the request's levels, or {@code null}
     * @throws InvalidInputException for more than {@link #MAX_LEVELS} levels, one not strictly between 0 and 1,
     *     or one given twice
     */
    static void check(double[] levels) {
        if (levels == null) {
            return;
        }
        if (levels.length > MAX_LEVELS) {
            throw new InvalidInputException(ProblemType.TOO_MANY_INTERVAL_LEVELS, "At most " + MAX_LEVELS
                    + " interval levels may be asked for at once; this request has " + levels.length + ".");
        }
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < levels.length; i++) {
            double level = levels[i];
            if (!(level > 0 && level < 1)) {
                throw new InvalidInputException(ProblemType.INTERVAL_LEVEL_OUT_OF_RANGE, String.format(Locale.ROOT,
                        "Interval level %d is %s; a level must lie strictly between 0 and 1, e.g. 0.8 or 0.95.", i,
                        level));
            }
            if (!seen.add(level)) {
                throw new InvalidInputException(ProblemType.DUPLICATE_INTERVAL_LEVEL, String.format(Locale.ROOT,
                        "Interval level %s is asked for twice.", level));
            }
        }
    }
}
