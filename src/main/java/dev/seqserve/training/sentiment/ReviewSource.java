package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.AclImdbReader;
import dev.seqserve.training.data.DataFiles;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.data.ReviewCsvReader;
import dev.seqserve.training.data.ReviewSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The train and dev reviews of a sentiment run, from the shared CSV files or the original aclImdb layout. */
record ReviewSource(Path trainPath, ReviewSet train, Path devPath, ReviewSet dev) {

    static ReviewSource csv(Path trainFile, Path devFile) throws IOException {
        return new ReviewSource(trainFile, ReviewCsvReader.read(trainFile), devFile, ReviewCsvReader.read(devFile));
    }

    /** The original layout: {@code train/} trains, {@code test/} is the dev split. */
    static ReviewSource aclImdb(Path root) throws IOException {
        return new ReviewSource(root.resolve("train"), AclImdbReader.read(root, "train"), root.resolve("test"),
                AclImdbReader.read(root, "test"));
    }

    List<Review> trainReviews() {
        return train.reviews();
    }

    List<Review> devReviews() {
        return dev.reviews();
    }

    /** The dev split's name as metrics record it, e.g. {@code imdb/dev.csv.gz}. */
    String devName() {
        return describe().get(1).path();
    }

    List<Manifest.DataFile> describe() {
        return List.of(DataFiles.describe(trainPath, train.sha256(), "train"),
                DataFiles.describe(devPath, dev.sha256(), "dev"));
    }
}
