package dev.seqserve.training.forecast;

import dev.seqserve.training.data.Frequency;
import dev.seqserve.training.data.GapReport;
import dev.seqserve.training.data.Series;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** An airline-like monthly series for tests that must not depend on the shared data: growth times a season. */
final class MonthlySeries {

    private MonthlySeries() {}

    /** 120 months from January 1949, like the shared airline file. */
    static Series airlineLike(long seed) {
        Random random = new Random(seed);
        double[] values = new double[120];
        for (int t = 0; t < values.length; t++) {
            values[t] = 110 * Math.exp(0.01 * t) * (1 + 0.15 * Math.sin(2 * Math.PI * (t - 3) / 12))
                    + 3 * random.nextGaussian();
        }
        return new Series(Path.of("synthetic.csv"), "passengers_thousands", Frequency.MONTHLY, LocalDate.of(1949, 1, 1),
                values, new GapReport(GapReport.LINEAR, List.of()));
    }
}
