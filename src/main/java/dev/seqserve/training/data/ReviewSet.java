package dev.seqserve.training.data;

import java.util.List;

/**
 * Reviews read from one source, with the checksum that goes into the manifest.
 *
 * @param source the file or folder read
 * @param sha256 lower-case hex SHA-256 of the file, or of the folder's listing (see {@link AclImdbReader})
 * @param reviews the reviews in the source's order
 */
public record ReviewSet(String source, String sha256, List<Review> reviews) {

    public ReviewSet {
        reviews = List.copyOf(reviews);
    }

    /** The review texts in order, e.g. to fit a vocabulary. */
    public List<String> texts() {
        return reviews.stream().map(Review::text).toList();
    }

    /** Number of positive reviews. */
    public long positives() {
        return reviews.stream().filter(Review::positive).count();
    }
}
