package dev.seqserve.training.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a file of the shared data folder, or skips the calling test with the reason. */
public final class SharedData {

    private SharedData() {}

    /**
     * @param relative a path inside the data folder, e.g. {@code imdb/tiny.csv}
     * @return the file
     */
    public static Path require(String relative) {
        Path file = DataFiles.root().resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> "shared data not found: " + file + " (set -D" + DataFiles.PROPERTY
                + "=<folder> to point at ../shared/data)");
        return file;
    }
}
