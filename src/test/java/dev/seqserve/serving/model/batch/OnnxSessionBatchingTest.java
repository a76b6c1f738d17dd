package dev.seqserve.serving.model.batch;

import static dev.seqserve.serving.model.batch.Gate.TIMEOUT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.testing.TinyArtifacts;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real ONNX Runtime session behind the batcher scores mixed-length reviews as it does one at a time. */
@Timeout(120)
class OnnxSessionBatchingTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final long BLOCKER_ID = 3;

    @TempDir
    Path parent;

    @ParameterizedTest
    @ValueSource(strings = {"LSTM", "GRU"})
    void batchedScoresEqualOneAtATimeScoresForMixedLengths(String op) throws Exception {
        Path folder = TinyArtifacts.sentiment(parent, "sentiment-" + op.toLowerCase(Locale.ROOT), op);
        Random random = new Random(11);
        List<long[]> reviews = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            reviews.add(review(random, 1 + random.nextInt(120)));
        }
        RecordingListener listener = new RecordingListener();
        Gate gate = new Gate();
        AtomicBoolean mixedLengths = new AtomicBoolean();
        BatchSettings settings = MicroBatcherResultsTest.settings().withName("ort-test").withMaxBatchSize(16)
                .withMaxDelay(Duration.ZERO).withWorkers(2);
        try (OrtSession session = session(folder)) {
            List<Float> alone = new ArrayList<>();
            for (long[] review : reviews) {
                alone.add(score(session, List.of(review)).get(0));
            }
            List<CompletableFuture<Float>> batched = new ArrayList<>();
            try (MicroBatcher<long[], Float> batcher = new MicroBatcher<>(
                    gate.around(ids -> ids[0] == BLOCKER_ID, batch -> {
                        mixedLengths.compareAndSet(false, batch.stream().mapToInt(ids -> ids.length).distinct().count() > 1);
                        return score(session, batch);
                    }),
                    ids -> ids.length, settings, listener)) {
                CompletableFuture<Float> blocker = batcher.submit(new long[] {BLOCKER_ID, 4, 5});
                gate.awaitEntered();
                reviews.forEach(review -> batched.add(batcher.submit(review)));
                gate.release();
                blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (int i = 0; i < reviews.size(); i++) {
                    assertThat(batched.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                            .as("review %d of length %d", i, reviews.get(i).length)
                            .isCloseTo(alone.get(i), within(1e-6f));
                }
            }
        }
        assertThat(mixedLengths).as("some batch padded sequences of different lengths").isTrue();
        assertThat(listener.batchSizes).allMatch(size -> size <= 16);
        assertThat(listener.failedBatches).hasValue(0);
    }

    private static long[] review(Random random, int length) {
        long[] ids = new long[length];
        for (int t = 0; t < length; t++) {
            ids[t] = 2 + random.nextInt(TinyArtifacts.VOCABULARY.size() - 2);
        }
        ids[0] = ids[0] == BLOCKER_ID ? BLOCKER_ID + 1 : ids[0];
        return ids;
    }

    private static OrtSession session(Path folder) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            return ENV.createSession(folder.resolve("model.onnx").toString(), options);
        }
    }

    /** Pads to the batch's longest review with {@code <pad>} and says each real length in {@code sequence_lens}. */
    private static List<Float> score(OrtSession session, List<long[]> batch) {
        int time = batch.stream().mapToInt(ids -> ids.length).max().orElseThrow();
        long[] ids = new long[batch.size() * time];
        int[] lengths = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i), 0, ids, i * time, batch.get(i).length);
            lengths[i] = batch.get(i).length;
        }
        try (OnnxTensor x = OnnxTensor.createTensor(ENV, LongBuffer.wrap(ids), new long[] {batch.size(), time});
                OnnxTensor lens = OnnxTensor.createTensor(ENV, IntBuffer.wrap(lengths), new long[] {batch.size()});
                OnnxTensor explain = OnnxTensor.createTensor(ENV, false);
                OrtSession.Result result = session.run(Map.of("token_ids", x, "sequence_lens", lens, "explain", explain))) {
            float[] probability = (float[]) result.get("probability").orElseThrow().getValue();
            List<Float> scores = new ArrayList<>(probability.length);
            for (float p : probability) {
                scores.add(p);
            }
            return scores;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
