package dev.seqserve.training;

import java.io.PrintStream;

/**
 * The training command: trains one named model from real data and writes its artifact folder.
 *
 * <pre>
 * Train sentiment --arch gru|lstm [--data ../shared/data] [--out model-artifacts] [options]
 * Train forecast --series temperature|airline [--arch lstm|gru] [--data ../shared/data] [options]
 * Train forecast-select --series airline [--origins 1953,...,1957] [grid options]
 * </pre>
 */
public final class Train {

    private Train() {}

    /**
     * @param args the task, then {@code --name value} options
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(usage());
            return;
        }
        try {
            Options options = Options.parse(args, 1);
            switch (args[0]) {
                case "sentiment" -> new SentimentCommand(options, out).run();
                case "forecast" -> new ForecastCommand(options, out).run();
                case "forecast-select" -> new ForecastSelectCommand(options, out).run();
                default -> throw new IllegalArgumentException("unknown task '" + args[0] + "'\n" + usage());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("train: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("train: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static String usage() {
        return """
                usage: Train sentiment --arch gru|lstm [options]
                       Train forecast --series temperature|airline [options]
                       Train forecast-select --series airline [options]
                common options: --data DIR (default ../shared/data)  --out DIR (default model-artifacts)
                                --seed N  --epochs N  --patience N  --name NAME
                sentiment:      --train FILE  --dev FILE (CSV or .csv.gz; default DATA/imdb/{train,dev}.csv.gz)
                                --aclimdb DIR (the original aclImdb/ layout instead; dev = its test split)
                                --vocab N  --embedding N  --hidden N  --max-length N  --truncation head|tail
                                --batch N  --lr X  --dropout X  --limit N (first N train reviews, for quick runs)
                forecast:       --file FILE (default the series' CSV under DATA/series)  --hidden N  --layers N
                                --arch gru|lstm  --window N  --transforms log,difference:12  --target change|value
                                --lr X  --weight-decay X  --batch N  --max-horizon N  --dropout X  --clip X
                forecast-select: rolling-origin cross-validation of a grid, ranked by mean MAE; writes
                                OUT/<model>/selection.md.  --origins 1953,1954,1955,1956,1957 (years whose
                                months end before the test span)  --top N (rows printed)  grid lists:
                                --archs gru,lstm  --transform-sets "log,difference:12;log,difference:1"
                                --windows 12,18  --targets change,value  --hidden-sizes 4,8,16
                                --learning-rates 0.003,0.01  --weight-decays 0,0.1  --epoch-counts 25,50,100
                """;
    }
}
