package dev.seqserve.training.forecast;

import dev.seqserve.training.run.RunOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --series} and {@code --file} options of the forecast commands. */
public final class SeriesOption {

    @Option(names = "--series", required = true, description = "temperature or airline.")
    private String series;

    @Option(names = "--file", paramLabel = "FILE", description = "The series CSV (default: the preset's file under DATA/series).")
    private Path file;

    /**
     * The preset {@code --series} names.
     *
     * @throws IllegalArgumentException if the name is unknown
     */
    public SeriesPreset preset() {
        return SeriesPreset.named(series);
    }

    /** The series to read: {@code --file}, or the preset's file under {@code --data}. */
    public Path file(RunOptions run) {
        return file != null ? file : run.data().resolve(preset().file);
    }
}
