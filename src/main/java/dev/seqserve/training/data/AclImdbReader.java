package dev.seqserve.training.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the original Large Movie Review Dataset layout, {@code aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt},
 * one review per file.
 *
 * <p>Reviews come negatives first, each label by numeric id, so a read is repeatable on any file
 * system. Ids follow the shared CSV's convention: {@code <split>_<label>_<id>}. The checksum is the
 * SHA-256 of a listing with one line per file, {@code <label>/<file name> <SHA-256 of its bytes>},
 * in reading order: it changes when any review's bytes, name or presence changes.
 */
public final class AclImdbReader {

    private static final List<String> LABELS = List.of(Labels.NEGATIVE, Labels.POSITIVE);

    private AclImdbReader() {}

    /**
     * @param root the {@code aclImdb} folder or the folder that contains it
     * @param split {@code train} or {@code test}
     * @return the split's labelled reviews ({@code unsup} is not read)
     * @throws DataFormatException naming the file and the reason for a missing folder, a file name
     *     that is not {@code <id>_<rating>.txt}, a rating outside 1–10, an empty review or bad UTF-8
     * @throws IOException if a file cannot be read
     */
    public static ReviewSet read(Path root, String split) throws IOException {
        Path splitDir = splitFolder(root, split);
        MessageDigest listing = sha256();
        List<Review> reviews = new ArrayList<>();
        for (String label : LABELS) {
            Path dir = splitDir.resolve(label);
            if (!Files.isDirectory(dir)) {
                throw new DataFormatException(dir, 0, "missing folder: the aclImdb layout has " + split + "/pos and "
                        + split + "/neg");
            }
            for (Path file : reviewFiles(dir)) {
                byte[] bytes = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                String entry = label + "/" + name + " " + HexFormat.of().formatHex(sha256().digest(bytes)) + "\n";
                listing.update(entry.getBytes(StandardCharsets.UTF_8));
                reviews.add(review(file, split, label, bytes));
            }
        }
        return new ReviewSet(splitDir.toString(), HexFormat.of().formatHex(listing.digest()), reviews);
    }

    /**
     * The unlabelled reviews of {@code train/unsup/<id>_0.txt}, by numeric id; the checksum is that of a
     * listing as for {@link #read}, with {@code unsup/} as the label.
     *
     * @param root the {@code aclImdb} folder or the folder that contains it
     * @throws DataFormatException naming the file for a missing folder, an empty review or bad UTF-8
     * @throws IOException if a file cannot be read
     */
    public static TextSet readUnlabelled(Path root) throws IOException {
        Path dir = splitFolder(root, "train").resolve("unsup");
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, 0, "missing folder: the aclImdb layout has train/unsup");
        }
        MessageDigest listing = sha256();
        List<String> texts = new ArrayList<>();
        for (Path file : reviewFiles(dir)) {
            byte[] bytes = Files.readAllBytes(file);
            String entry = "unsup/" + file.getFileName() + " " + HexFormat.of().formatHex(sha256().digest(bytes)) + "\n";
            listing.update(entry.getBytes(StandardCharsets.UTF_8));
            String text = decode(file, bytes);
            if (text.isBlank()) {
                throw new DataFormatException(file, 1, "empty review");
            }
            texts.add(text);
        }
        return new TextSet(dir.toString(), HexFormat.of().formatHex(listing.digest()), texts);
    }

    private static Path splitFolder(Path root, String split) {
        for (Path candidate : List.of(root.resolve(split), root.resolve("aclImdb").resolve(split))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new DataFormatException(root, 0, "no " + split + " folder here or in aclImdb/ below it");
    }

    private static List<Path> reviewFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> txt = new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList());
            txt.sort(Comparator.comparingLong(AclImdbReader::idOf).thenComparing(f -> f.getFileName().toString()));
            return txt;
        }
    }

    private static Review review(Path file, String split, String label, byte[] bytes) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".txt".length());
        int underscore = stem.indexOf('_');
        long id = idOf(file);
        if (underscore < 0 || id < 0) {
            throw new DataFormatException(file, 0, "the file name is not <id>_<rating>.txt");
        }
        int rating = Labels.parseRating(stem.substring(underscore + 1));
        if (rating < 0) {
            throw new DataFormatException(file, 0, "the rating in the file name is not an integer from 1 to 10");
        }
        String text = decode(file, bytes);
        if (text.isBlank()) {
            throw new DataFormatException(file, 1, "empty review");
        }
        return new Review(split + "_" + label + "_" + id, split, label.equals(Labels.POSITIVE), rating, text);
    }

    /** @return the numeric id before the underscore, or -1 when there is none */
    private static long idOf(Path file) {
        String name = file.getFileName().toString();
        int underscore = name.indexOf('_');
        if (underscore <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, underscore));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, 1, "not valid UTF-8", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
