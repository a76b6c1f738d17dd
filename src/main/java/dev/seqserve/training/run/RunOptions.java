package dev.seqserve.training.run;

import dev.seqserve.training.data.DataFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every training command shares: where the data is, where artifacts go, the seed. */
public final class RunOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "The shared data folder (default: ../shared/data, or the seqserve.data system property).")
    private Path data = DataFiles.root();

    @Option(names = "--out", paramLabel = "DIR", description = "Where artifact folders are written (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("model-artifacts");

    @Option(names = "--seed", description = "Fixes weights, batches and dropout; the same seed repeats a run (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    /** The data folder. */
    public Path data() {
        return data;
    }

    /** The folder that receives {@code <model>/}. */
    public Path out() {
        return out;
    }

    /** The run's seed. */
    public long seed() {
        return seed;
    }
}
