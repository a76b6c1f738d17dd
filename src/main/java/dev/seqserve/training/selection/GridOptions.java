package dev.seqserve.training.selection;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The grid lists of {@code forecast-select}; each one given replaces the default grid's list. */
final class GridOptions {

    @Option(names = "--archs", split = ",", description = "e.g. gru,lstm")
    private List<String> archs;

    @Option(names = "--transform-sets", description = "Sets separated by ';', transforms by ',', e.g. \"log,difference:12;log\"")
    private String transformSets;

    @Option(names = "--windows", split = ",", description = "e.g. 12,18")
    private List<Integer> windows;

    @Option(names = "--targets", split = ",", description = "e.g. change,value")
    private List<String> targets;

    @Option(names = "--hidden-sizes", split = ",", description = "e.g. 4,8,16")
    private List<Integer> hidden;

    @Option(names = "--learning-rates", split = ",", description = "e.g. 0.003,0.01")
    private List<Double> learningRates;

    @Option(names = "--weight-decays", split = ",", description = "e.g. 0,0.1")
    private List<Double> weightDecays;

    @Option(names = "--epoch-counts", split = ",", description = "e.g. 25,50,100")
    private List<Integer> epochs;

    /** The grid with every list given on the command line instead of its own. */
    SelectionGrid apply(SelectionGrid grid) {
        return new SelectionGrid(
                archs != null ? lower(archs) : grid.archs(),
                transformSets != null ? Arrays.stream(transformSets.split(";"))
                        .map(set -> set.isBlank() ? List.<String>of() : Arrays.asList(set.trim().split(",")))
                        .toList() : grid.transformSets(),
                windows != null ? windows : grid.windows(),
                targets != null ? lower(targets) : grid.targets(),
                hidden != null ? hidden : grid.hidden(),
                learningRates != null ? learningRates : grid.learningRates(),
                weightDecays != null ? weightDecays : grid.weightDecays(),
                epochs != null ? epochs : grid.epochs());
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
