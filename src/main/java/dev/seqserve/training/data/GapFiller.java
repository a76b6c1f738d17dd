package dev.seqserve.training.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Lays rows on their frequency's grid and fills the missing steps. */
final class GapFiller {

    private GapFiller() {}

    static Series fill(Path file, String column, Frequency frequency, List<SeriesCsvReader.Row> rows,
            SeriesCsvReader.GapPolicy policy) {
        LocalDate start = rows.get(0).date();
        SeriesCsvReader.Row last = rows.get(rows.size() - 1);
        double[] values = new double[Math.toIntExact(frequency.steps(start, last.date()) + 1)];
        List<Gap> gaps = new ArrayList<>();
        values[0] = rows.get(0).value();
        for (int i = 1; i < rows.size(); i++) {
            SeriesCsvReader.Row before = rows.get(i - 1);
            SeriesCsvReader.Row after = rows.get(i);
            long steps = frequency.steps(before.date(), after.date());
            if (steps < 1) {
                throw new DataFormatException(file, after.line(), "date " + after.date() + " is not a "
                        + frequency.manifestName() + " step after " + before.date());
            }
            int index = Math.toIntExact(frequency.steps(start, after.date()));
            values[index] = after.value();
            if (steps > 1) {
                if (policy == SeriesCsvReader.GapPolicy.FAIL) {
                    throw new DataFormatException(file, after.line(), (steps - 1) + " missing date(s) between "
                            + before.date() + " and " + after.date());
                }
                gaps.add(fillGap(frequency, before, after, (int) steps, values, index, policy));
            }
        }
        String method = policy == SeriesCsvReader.GapPolicy.CARRY_FORWARD ? GapReport.CARRY_FORWARD : GapReport.LINEAR;
        return new Series(file, column, frequency, start, values, new GapReport(method, gaps));
    }

    private static Gap fillGap(Frequency frequency, SeriesCsvReader.Row before, SeriesCsvReader.Row after,
            int steps, double[] values, int afterIndex, SeriesCsvReader.GapPolicy policy) {
        boolean linear = policy == SeriesCsvReader.GapPolicy.INTERPOLATE;
        List<LocalDate> missing = new ArrayList<>();
        List<Double> filled = new ArrayList<>();
        for (int k = 1; k < steps; k++) {
            double value = linear ? before.value() + (after.value() - before.value()) * k / steps : before.value();
            values[afterIndex - steps + k] = value;
            missing.add(frequency.plus(before.date(), k));
            filled.add(value);
        }
        return new Gap(before.date(), before.value(), after.date(), after.value(), after.line(), missing, filled);
    }
}
