package dev.seqserve.training.data;

import java.util.List;

/**
 * Unlabelled texts read from one source (for pretraining), with the checksum that goes into the manifest.
 *
 * @param source the file or folder read
 * @param sha256 lower-case hex SHA-256 of the file, or of the folder's listing (see {@link AclImdbReader})
 * @param texts the texts in the source's order
 */
public record TextSet(String source, String sha256, List<String> texts) {

    public TextSet {
        texts = List.copyOf(texts);
    }
}
