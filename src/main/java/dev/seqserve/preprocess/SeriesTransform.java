package dev.seqserve.preprocess;

import java.util.Locale;

/**
 * One invertible step between a series and the model's space, applied in place to a segment of a
 * working array so that encoding a request copies the series only once.
 */
sealed interface SeriesTransform permits SeriesTransform.Log, SeriesTransform.Difference {

    /** The manifest's spelling of this transform, e.g. {@code log} or {@code difference:12}. */
    String spec();

    /** How many leading values the transform consumes. */
    int lag();

    /**
     * Transforms {@code values[from, to)} in place.
     *
     * @return the index of the first valid output value; outputs occupy {@code [from + lag(), to)}
     */
    int apply(double[] values, int from, int to);

    /**
     * Turns forecasts in this transform's output space into its input space, in place.
     *
     * @param history the input-space series up to the forecast origin, ending at index {@code end}
     * @param end one past the last known value
     * @param forecast forecasts for the steps after {@code end}
     * @param horizon how many of them to convert
     */
    void invert(double[] history, int end, double[] forecast, int horizon);

    /**
     * Parses the manifest's spelling.
     *
     * @throws IllegalArgumentException for an unknown transform
     */
    static SeriesTransform parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals(Log.SPEC)) {
            return new Log();
        }
        if (s.startsWith(Difference.PREFIX)) {
            try {
                return new Difference(Integer.parseInt(s.substring(Difference.PREFIX.length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("transform \"" + spec + "\": the lag is not an integer", e);
            }
        }
        throw new IllegalArgumentException("unknown transform \"" + spec + "\" (known: log, difference:<lag>)");
    }

    /** The natural logarithm, which turns multiplicative growth and seasonality into additive ones. */
    record Log() implements SeriesTransform {

        static final String SPEC = "log";

        @Override
        public String spec() {
            return SPEC;
        }

        @Override
        public int lag() {
            return 0;
        }

        @Override
        public int apply(double[] values, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!(values[i] > 0)) {
                    throw new IllegalArgumentException("the log transform needs positive values, got " + values[i]);
                }
                values[i] = Math.log(values[i]);
            }
            return from;
        }

        @Override
        public void invert(double[] history, int end, double[] forecast, int horizon) {
            for (int h = 0; h < horizon; h++) {
                forecast[h] = Math.exp(forecast[h]);
            }
        }
    }

    /**
     * The change over {@code lag} steps: 1 removes a trend, a season's length removes the season.
     *
     * @param lag steps between the two values subtracted, at least 1
     */
    record Difference(int lag) implements SeriesTransform {

        static final String PREFIX = "difference:";

        public Difference {
            if (lag < 1) {
                throw new IllegalArgumentException("a difference needs a lag of at least 1, was " + lag);
            }
        }

        @Override
        public String spec() {
            return PREFIX + lag;
        }

        @Override
        public int apply(double[] values, int from, int to) {
            // Backwards, so each subtraction still sees the untouched earlier value.
            for (int i = to - 1; i >= from + lag; i--) {
                values[i] -= values[i - lag];
            }
            return Math.min(to, from + lag);
        }

        @Override
        public void invert(double[] history, int end, double[] forecast, int horizon) {
            for (int h = 0; h < horizon; h++) {
                forecast[h] += h < lag ? history[end - lag + h] : forecast[h - lag];
            }
        }
    }
}
