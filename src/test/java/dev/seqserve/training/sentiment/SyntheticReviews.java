package dev.seqserve.training.sentiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes small review CSV files in the shared data's format, made up by the test so it needs no data set. */
final class SyntheticReviews {

    private static final String[] POSITIVE = {"great", "wonderful", "loved", "brilliant", "moving", "superb"};
    private static final String[] NEGATIVE = {"awful", "boring", "hated", "terrible", "dull", "waste"};
    private static final String[] FILLER = {"the", "movie", "film", "plot", "actor", "scene", "was", "and", "a",
        "story", "it", "this", "of", "director", "ending", "music", "<br />", ",", "."};

    private SyntheticReviews() {}

    /** Writes {@code count} unlabelled reviews with the columns {@code id,text}, drawn like the labelled ones. */
    static Path writeUnlabelled(Path file, int count, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("id,text");
        for (int i = 0; i < count; i++) {
            lines.add("unsup_" + i + ",\"" + text(random, i % 2 == 0) + "\"");
        }
        Files.write(file, lines);
        return file;
    }

    private static String text(Random random, boolean positive) {
        StringBuilder text = new StringBuilder();
        int length = 5 + random.nextInt(25);
        for (int w = 0; w < length; w++) {
            String[] pool = random.nextInt(4) == 0 ? (positive ? POSITIVE : NEGATIVE) : FILLER;
            text.append(pool[random.nextInt(pool.length)]).append(' ');
        }
        return text.toString().trim();
    }

    /** Writes {@code count} reviews, half positive, with the columns {@code id,split,label,rating,text}. */
    static Path write(Path file, int count, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("id,split,label,rating,text");
        for (int i = 0; i < count; i++) {
            boolean positive = i % 2 == 0;
            lines.add(i + ",train," + (positive ? "pos" : "neg") + "," + (positive ? 8 : 2) + ",\""
                    + text(random, positive) + "\"");
        }
        Files.write(file, lines);
        return file;
    }
}
