package dev.seqserve.preprocess;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.bench.ReviewCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: a review to token ids as {@code /sentiment} does it, with the encoder of the shipped
 * {@code sentiment-lstm} (its tokenizer, its 30,000-token vocabulary, its cut), one real review per operation
 * (the last 1,000 of the dev reviews): with the vocabulary warm in the
 * caches, and after 32 MB have been read in between (outside the timing), as under load, when the model's
 * runs on the same cores push the vocabulary out of them between requests.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextEncoderBenchmark {

    /** The shipped model whose encoder is measured; {@code -Dbench.model} picks another folder. */
    static final String MODEL = "model-artifacts/sentiment-lstm";

    private TextEncoder encoder;
    private List<String> reviews;
    private int next;

    @Setup
    public void load() throws IOException {
        List<String> texts = ReviewCorpus.load(Path.of(TokenizerBenchmark.REVIEWS)).texts();
        ArtifactFolder model = ArtifactFolder.open(Path.of(System.getProperty("bench.model", MODEL)));
        encoder = TextEncoder.from(model.manifest(), model.vocabulary());
        reviews = texts.subList(texts.size() - Math.min(1_000, texts.size()), texts.size());
    }

    /** 32 MB read before each operation, eight times the core's L2 cache here. */
    @State(Scope.Thread)
    public static class Eviction {

        private final long[] junk = new long[4 << 20];

        @Setup(Level.Invocation)
        public void evict() {
            for (int i = 0; i < junk.length; i += 8) {
                junk[i]++;
            }
        }
    }

    @Benchmark
    public EncodedText encode() {
        String review = reviews.get(next);
        next = (next + 1) % reviews.size();
        return encoder.encode(review);
    }

    @Benchmark
    public EncodedText encodeAfterEviction(Eviction eviction) {
        return encode();
    }
}
