package dev.seqserve.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The review texts the benchmark sends: real IMDb reviews when the file is there, otherwise synthetic
 * texts whose lengths follow real ones (mean about 239 tokens once cut at 400).
 *
 * @param texts the reviews, in a fixed shuffled order
 * @param source where they came from, for the report
 */
public record ReviewCorpus(List<String> texts, String source) {

    private static final long SEED = 4242;

    /** The reviews in {@code file}, or synthetic ones when there is no such file. */
    public static ReviewCorpus load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return synthetic(5_000);
        }
        List<String> texts = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                texts.add(record.get("text"));
            }
        }
        Collections.shuffle(texts, new Random(SEED));
        return new ReviewCorpus(List.copyOf(texts), file + " (" + texts.size() + " real reviews)");
    }

    /** Texts of common words with log-normal lengths: median about 190 words, mean about 239 tokens when cut at 400. */
    static ReviewCorpus synthetic(int count) {
        String[] words = ("the a and of to is this it in that was movie film i but for with as not very good "
                + "bad great story acting plot characters really just one time like even would see watch").split(" ");
        Random random = new Random(SEED);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = (int) Math.max(5, Math.round(Math.exp(Math.log(190) + 0.7 * random.nextGaussian())));
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                text.append(words[random.nextInt(words.length)]).append(w % 17 == 16 ? ". " : " ");
            }
            texts.add(text.toString().trim());
        }
        return new ReviewCorpus(List.copyOf(texts), "synthetic (" + count + " texts; " + "no review file found)");
    }
}
