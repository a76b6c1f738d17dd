package dev.seqserve.training.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Which dates a series lacked and how they were filled, for the training report.
 *
 * @param method how missing values were filled, in words
 * @param gaps each run of missing dates, in order
 */
public record GapReport(String method, List<Gap> gaps) {

    /** The default method: the straight line between the two present neighbours. */
    public static final String LINEAR = "linear interpolation between the neighbouring values";
    /** The look-ahead-free method: the last present value repeated. */
    public static final String CARRY_FORWARD = "carrying the previous value forward";

    public GapReport {
        gaps = List.copyOf(gaps);
    }

    /** Whether the series had no gaps. */
    public boolean isEmpty() {
        return gaps.isEmpty();
    }

    /** Number of missing dates, over all gaps. */
    public int missingCount() {
        return gaps.stream().mapToInt(g -> g.missing().size()).sum();
    }

    /** One sentence for a report, e.g. "2 missing dates filled by linear interpolation …: 1984-12-31 (13.75) …". */
    public String describe() {
        if (gaps.isEmpty()) {
            return "no missing dates";
        }
        StringBuilder text = new StringBuilder();
        int n = missingCount();
        text.append(n).append(n == 1 ? " missing date" : " missing dates").append(" filled by ").append(method).append(':');
        for (Gap gap : gaps) {
            for (int i = 0; i < gap.missing().size(); i++) {
                text.append(' ').append(gap.missing().get(i)).append(" = ").append(format(gap.filled().get(i)));
                text.append(i + 1 < gap.missing().size() ? "," : gapContext(gap));
            }
        }
        text.setCharAt(text.length() - 1, '.');
        return text.toString();
    }

    private static String gapContext(Gap gap) {
        return " (between " + gap.before() + " = " + format(gap.beforeValue()) + " and " + gap.after() + " = "
                + format(gap.afterValue()) + ");";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** All missing dates, over all gaps, in order. */
    public List<LocalDate> missingDates() {
        return gaps.stream().flatMap(g -> g.missing().stream()).toList();
    }
}
