package dev.seqserve.training.data;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a series' frequency from its dates: the greatest common step, which must also be the most
 * common step. The second rule keeps month-end dates (steps of 28 to 31 days) from passing as a
 * daily series with thousands of gaps.
 */
final class FrequencyDetector {

    private FrequencyDetector() {}

    static Frequency detect(Path file, List<SeriesCsvReader.Row> rows) {
        int day = rows.get(0).date().getDayOfMonth();
        boolean sameDayOfMonth = rows.stream().allMatch(r -> r.date().getDayOfMonth() == day);
        ChronoUnit unit = sameDayOfMonth && day <= 28 ? ChronoUnit.MONTHS : ChronoUnit.DAYS;
        Map<Long, Integer> stepCounts = new HashMap<>();
        long gcd = 0;
        for (int i = 1; i < rows.size(); i++) {
            long step = unit.between(rows.get(i - 1).date(), rows.get(i).date());
            stepCounts.merge(step, 1, Integer::sum);
            gcd = gcd(gcd, step);
        }
        long mostCommon = stepCounts.entrySet().stream()
                .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.<Long, Integer>comparingByKey().reversed()))
                .orElseThrow()
                .getKey();
        String unitName = unit == ChronoUnit.MONTHS ? "months" : "days";
        Frequency frequency = byStep(unit, gcd);
        if (frequency == null || mostCommon != gcd) {
            throw new DataFormatException(file, 0, "cannot tell the frequency: the dates are mostly " + mostCommon + " "
                    + unitName + " apart, with a common step of " + gcd + " " + unitName
                    + " (supported: daily, weekly, monthly, quarterly, yearly)");
        }
        return frequency;
    }

    private static Frequency byStep(ChronoUnit unit, long step) {
        if (unit == ChronoUnit.DAYS) {
            return step == 1 ? Frequency.DAILY : step == 7 ? Frequency.WEEKLY : null;
        }
        return step == 1 ? Frequency.MONTHLY : step == 3 ? Frequency.QUARTERLY : step == 12 ? Frequency.YEARLY : null;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
