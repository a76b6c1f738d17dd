package dev.seqserve.training.selection;

import dev.seqserve.training.forecast.ForecastTraining;
import dev.seqserve.training.report.MarkdownTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks cross-validated forecast configurations by their mean MAE over the rolling origins, lowest
 * first; configurations the origins cannot train come last, unranked, with the reason.
 */
final class SelectionRanking {

    /**
     * One configuration's cross-validation result.
     *
     * @param settings the configuration, {@code maxEpochs} being the epochs it was scored after
     * @param perOrigin its MAE per origin, in origin order; empty when infeasible
     * @param trainingWindows the training pairs of the first origin (the fewest); 0 when infeasible
     * @param infeasible why the origins cannot train it, or {@code null}
     */
    record Entry(ForecastTraining.Settings settings, double[] perOrigin, int trainingWindows, String infeasible) {

        static Entry scored(ForecastTraining.Settings settings, double[] perOrigin, int trainingWindows) {
            return new Entry(settings, perOrigin.clone(), trainingWindows, null);
        }

        static Entry infeasible(ForecastTraining.Settings settings, String reason) {
            return new Entry(settings, new double[0], 0, reason);
        }

        boolean feasible() {
            return infeasible == null;
        }

        /** The mean MAE over the origins; +∞ when infeasible or when a fold's forecast was not finite. */
        double mean() {
            if (!feasible()) {
                return Double.POSITIVE_INFINITY;
            }
            double mean = Arrays.stream(perOrigin).average().orElse(Double.NaN);
            return Double.isFinite(mean) ? mean : Double.POSITIVE_INFINITY;
        }
    }

    /** Lowest mean MAE first, the infeasible last; ties in the order of their labels, so a rerun sorts alike. */
    static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.feasible())
            .thenComparingDouble(Entry::mean)
            .thenComparing(e -> label(e.settings()));

    private SelectionRanking() {}

    /** The entries in rank order. */
    static List<Entry> rank(List<Entry> entries) {
        List<Entry> ranked = new ArrayList<>(entries);
        ranked.sort(ORDER);
        return List.copyOf(ranked);
    }

    /**
     * A configuration in one line, e.g.
     * {@code gru 16, window 18, [log, difference:12], change, lr 0.003, wd 0.1, 100 epochs}.
     */
    static String label(ForecastTraining.Settings s) {
        return String.format(Locale.ROOT, "%s %d, window %d, %s, %s, lr %s, wd %s, %d epochs",
                s.cell().name().toLowerCase(Locale.ROOT), s.hidden(), s.spec().window(), s.spec().transforms(),
                s.spec().target(), s.learningRate(), s.weightDecay(), s.maxEpochs());
    }

    /**
     * The ranking as a markdown table: the seasonal-naive forecast first, then the best {@code limit}
     * configurations, each with its per-origin MAEs and its mean relative to the seasonal-naive mean.
     *
     * @param ranked entries in rank order
     * @param years the origin years, for the column titles
     * @param seasonalNaive the seasonal-naive MAE per origin
     * @param limit how many ranked rows to show
     */
    static MarkdownTable table(List<Entry> ranked, List<Integer> years, double[] seasonalNaive, int limit) {
        List<String> header = new ArrayList<>(List.of("rank", "arch", "hidden", "window", "transforms", "target", "lr",
                "weight decay", "epochs", "mean CV MAE", "vs seasonal naive"));
        years.forEach(y -> header.add(Integer.toString(y)));
        header.add("windows at " + years.get(0));
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        double naiveMean = Arrays.stream(seasonalNaive).average().orElseThrow();
        List<Object> naive = new ArrayList<>(List.of("–", "seasonal naive", "–", "–", "–", "–", "–", "–", "–",
                number(naiveMean), "1.000"));
        Arrays.stream(seasonalNaive).forEach(m -> naive.add(number(m)));
        naive.add("–");
        table.row(naive.toArray());
        int rank = 0;
        for (Entry e : ranked) {
            if (!e.feasible() || ++rank > limit) {
                break;
            }
            ForecastTraining.Settings s = e.settings();
            List<Object> row = new ArrayList<>(List.of(rank, s.cell().name().toLowerCase(Locale.ROOT), s.hidden(),
                    s.spec().window(), String.join(", ", s.spec().transforms()), s.spec().target(), s.learningRate(),
                    s.weightDecay(), s.maxEpochs(), number(e.mean()),
                    String.format(Locale.ROOT, "%.3f", e.mean() / naiveMean)));
            Arrays.stream(e.perOrigin()).forEach(m -> row.add(number(m)));
            row.add(e.trainingWindows());
            table.row(row.toArray());
        }
        return table;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
