package dev.seqserve.training.selection;

import dev.seqserve.training.forecast.ForecastTraining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.nn.CellType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking of cross-validated configurations: lowest mean MAE first, repeatable, the untrainable last. */
class SelectionRankingTest {

    @Test
    void lowestMeanFirstThenTiesByLabelThenNonFiniteThenInfeasible() {
        SelectionRanking.Entry worse = SelectionRanking.Entry.scored(settings(8, 50), new double[] {10, 20}, 13);
        SelectionRanking.Entry best = SelectionRanking.Entry.scored(settings(16, 50), new double[] {12, 6}, 13);
        SelectionRanking.Entry tieA = SelectionRanking.Entry.scored(settings(4, 100), new double[] {14, 16}, 13);
        SelectionRanking.Entry tieB = SelectionRanking.Entry.scored(settings(4, 25), new double[] {15, 15}, 13);
        SelectionRanking.Entry diverged = SelectionRanking.Entry.scored(settings(16, 25), new double[] {1, Double.NaN}, 13);
        SelectionRanking.Entry infeasible = SelectionRanking.Entry.infeasible(settings(16, 100), "origin 1953: too short");

        List<SelectionRanking.Entry> ranked =
                SelectionRanking.rank(List.of(infeasible, diverged, worse, tieB, tieA, best));

        assertThat(ranked).containsExactly(best, tieA, tieB, worse, diverged, infeasible);
        assertThat(best.mean()).isEqualTo(9.0);
        assertThat(SelectionRanking.label(tieA.settings())).isLessThan(SelectionRanking.label(tieB.settings()));
        assertThat(infeasible.mean()).isInfinite();
        assertThat(SelectionRanking.rank(List.of(best, tieB, worse, infeasible, diverged, tieA))).isEqualTo(ranked);
    }

    @Test
    void theTableStartsWithTheSeasonalNaiveRowAndShowsTheBestRankedOnly() {
        List<SelectionRanking.Entry> ranked = SelectionRanking.rank(List.of(
                SelectionRanking.Entry.scored(settings(8, 50), new double[] {10, 20}, 13),
                SelectionRanking.Entry.scored(settings(16, 50), new double[] {12, 6}, 13),
                SelectionRanking.Entry.infeasible(settings(16, 100), "too short")));

        String table = SelectionRanking.table(ranked, List.of(1956, 1957), new double[] {30, 40}, 1).toString();

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("mean CV MAE", "1956", "1957");
        assertThat(lines.get(2)).contains("seasonal naive", "35.00", "30.00", "40.00");
        assertThat(lines.get(3)).startsWith("| 1 | gru | 16 |").contains("9.00", "0.257", "12.00", "6.00");
    }

    private static ForecastTraining.Settings settings(int hidden, int epochs) {
        return new ForecastTraining.Settings(CellType.GRU,
                new SeriesCodec.Spec("monthly", 12, 12, List.of("log", "difference:12"), "standard", "change"), hidden, 1,
                0f, 0.1, 32, 0.003, 1.0, epochs, 10, 42);
    }
}
