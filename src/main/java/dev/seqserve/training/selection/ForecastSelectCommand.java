package dev.seqserve.training.selection;

import dev.seqserve.training.forecast.RollingOrigins;
import dev.seqserve.training.forecast.RollingOriginCv;
import dev.seqserve.training.forecast.ForecastTraining;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.data.SeriesCsvReader;
import dev.seqserve.training.report.MarkdownTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.seqserve.training.run.RunOptions;
import dev.seqserve.training.forecast.SeriesOption;
import dev.seqserve.training.forecast.SeriesPreset;

/**
 * {@code Train forecast-select}: cross-validates a grid of forecast configurations on rolling origins
 * before the test span, prints them ranked by mean MAE and writes the ranking to
 * {@code <out>/<model>/selection.md}. The test span is never read: the origins must end before it.
 */
@Command(name = "forecast-select", mixinStandardHelpOptions = true,
        description = "Cross-validates a grid of forecast configurations on rolling origins before the test span and "
                + "writes the ranking to OUT/<model>/selection.md.")
public final class ForecastSelectCommand implements Callable<Integer> {

    @Mixin
    private RunOptions run;

    @Mixin
    private SeriesOption seriesOption;

    @Mixin
    private GridOptions gridOptions;

    @Option(names = "--name", description = "The model's name (default: the preset's).")
    private String name;

    @Option(names = "--origins", split = ",", description = "Origin years, each ending before the test span (default: the preset's).")
    private List<Integer> origins;

    @Option(names = "--top", description = "Rows printed (default: ${DEFAULT-VALUE}).")
    private int top = 15;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        SeriesPreset preset = seriesOption.preset();
        if (preset.cvOrigins.isEmpty()) {
            throw new IllegalArgumentException("forecast-select searches year-ahead forecasters with rolling origins "
                    + "(--series airline); " + preset.modelName + " has none");
        }
        Path file = seriesOption.file(run);
        Path outDir = run.out();
        String modelName = name != null ? name : preset.modelName;
        List<Integer> years = origins != null ? List.copyOf(origins) : preset.cvOrigins;
        long seed = run.seed();
        SelectionGrid grid = gridOptions.apply(SelectionGrid.AIRLINE);

        Series series = SeriesCsvReader.read(file);
        double[] values = series.values();
        RollingOriginCv cv = new RollingOriginCv(
                RollingOrigins.of(series, years, preset.testStart, preset.testHorizon), preset.period);
        List<ForecastTraining.Settings> runs = grid.runs(preset, series.frequency().manifestName(), seed);
        out.printf(Locale.ROOT, "cross-validating %d configurations x %d epoch counts on origins %s (test span from %s "
                + "never read)%n", runs.size(), grid.epochs().size(), cv.origins().describe(), preset.testStart);

        long start = System.nanoTime();
        List<SelectionRanking.Entry> entries = new ArrayList<>();
        Map<String, String> infeasible = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            ForecastTraining.Settings run = runs.get(i);
            Optional<String> why = cv.infeasibility(run.spec(), values);
            if (why.isPresent()) {
                infeasible.putIfAbsent("window " + run.spec().window() + ", " + run.spec().transforms(), why.get());
                for (int e : grid.epochs()) {
                    entries.add(SelectionRanking.Entry.infeasible(run.withMaxEpochs(e), why.get()));
                }
                continue;
            }
            long t0 = System.nanoTime();
            RollingOriginCv.Outcome outcome = cv.run(run, values);
            int windows = outcome.folds().get(0).trainingWindows();
            StringBuilder line = new StringBuilder();
            for (int e : grid.epochs()) {
                SelectionRanking.Entry entry = SelectionRanking.Entry.scored(run.withMaxEpochs(e), outcome.perOrigin(e),
                        windows);
                entries.add(entry);
                line.append(String.format(Locale.ROOT, "  %d ep %.2f", e, entry.mean()));
            }
            out.printf(Locale.ROOT, "[%d/%d] %s:%s  (%.1f s)%n", i + 1, runs.size(),
                    SelectionRanking.label(run).replaceAll(", \\d+ epochs$", ""), line, (System.nanoTime() - t0) / 1e9);
        }
        double minutes = (System.nanoTime() - start) / 60e9;

        List<SelectionRanking.Entry> ranked = SelectionRanking.rank(entries);
        double[] naive = cv.seasonalNaive(values);
        out.println();
        out.print(SelectionRanking.table(ranked, years, naive, top));
        SelectionRanking.Entry best = ranked.get(0);
        if (!best.feasible()) {
            throw new IllegalArgumentException("no configuration of the grid can be trained on origin " + years.get(0));
        }
        out.printf(Locale.ROOT, "%nselected (lowest mean CV MAE %.2f): %s%n", best.mean(),
                SelectionRanking.label(best.settings()));
        Path folder = outDir.resolve(modelName);
        Files.createDirectories(folder);
        Path report = folder.resolve("selection.md");
        Files.writeString(report,
                markdown(preset, series, cv, grid, runs.size(), ranked, naive, infeasible, seed, minutes));
        out.println("wrote " + report);
        return 0;
    }

    private String markdown(SeriesPreset preset, Series series, RollingOriginCv cv, SelectionGrid grid, int runs,
            List<SelectionRanking.Entry> ranked, double[] naive, Map<String, String> infeasible, long seed,
            double minutes) {
        MarkdownTable skipped = new MarkdownTable("window, transforms", "why it cannot be cross-validated");
        infeasible.forEach(skipped::row);
        long scored = ranked.stream().filter(SelectionRanking.Entry::feasible).count();
        return "# " + preset.modelName + ": configuration selection by rolling-origin cross-validation\n\n"
                + "Origins: 1 January of " + cv.origins().years() + ". For each origin the network is trained on "
                + "every value before it (" + series.date(0) + " onwards) for a fixed number of epochs, with no "
                + "early stopping, and forecasts the origin's " + preset.testHorizon + " months at once from the "
                + "values before it, as the server does; the MAE is in the series' own units. Every origin's "
                + "months end before " + preset.testStart + ", where the held-back test span begins (it is not in "
                + "the data), so no test value chose anything.\n\n"
                + String.format(Locale.ROOT, "Grid: %d training runs (%s) x epoch counts %s, seed %d; %d scored "
                        + "configurations, %.1f minutes on this machine. Other settings from the preset: %d layer(s), "
                        + "batch %d, standard scaler, gradient clipping 1.0, no dropout.%n%n", runs, describe(grid),
                        grid.epochs(), seed, scored, minutes, preset.net.layers(), preset.net.batchSize())
                + "Best " + Math.min(scored, 50) + " of " + scored + ", with the seasonal-naive forecast (same month "
                + "a year earlier) on the same origins:\n\n"
                + SelectionRanking.table(ranked, cv.origins().years(), naive, 50) + "\n"
                + (infeasible.isEmpty() ? "" : "Not ranked: the values before the first origin give these codec "
                        + "settings no training pair.\n\n" + skipped + "\n")
                + "Reproduce: `./mvnw -q compile exec:exec -Dtrain.args=\"forecast-select --series "
                + preset.name().toLowerCase(Locale.ROOT) + "\"`.\n";
    }

    private static String describe(SelectionGrid g) {
        return "arch " + g.archs() + ", transforms " + g.transformSets() + ", window " + g.windows() + ", target "
                + g.targets() + ", hidden " + g.hidden() + ", learning rate " + g.learningRates() + ", weight decay "
                + g.weightDecays();
    }
}
