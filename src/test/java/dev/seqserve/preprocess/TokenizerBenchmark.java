package dev.seqserve.preprocess;

import dev.seqserve.bench.ReviewCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the tokenizer on real reviews (from {@code -Dbench.reviews}, default the IMDb dev split), one
 * review per operation, with and without making a string per token.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenizerBenchmark {

    static final String REVIEWS = System.getProperty("bench.reviews", "../shared/data/imdb/dev.csv.gz");

    private final Tokenizer tokenizer = new Tokenizer(true, true, true);
    private List<String> reviews;
    private int next;

    @Setup
    public void load() throws IOException {
        List<String> texts = ReviewCorpus.load(Path.of(REVIEWS)).texts();
        reviews = texts.subList(0, Math.min(1_000, texts.size()));
    }

    /** The service's path: tokens handed out of a scratch buffer. */
    @Benchmark
    public int scan() {
        int[] chars = {0};
        tokenizer.scan(nextReview(), (buffer, offset, length) -> chars[0] += length);
        return chars[0];
    }

    /** The training path: one string per token. */
    @Benchmark
    public List<String> tokenize() {
        return tokenizer.tokenize(nextReview());
    }

    private String nextReview() {
        String review = reviews.get(next);
        next = (next + 1) % reviews.size();
        return review;
    }
}
