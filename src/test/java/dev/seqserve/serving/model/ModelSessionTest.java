package dev.seqserve.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.testing.TinyArtifacts;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Closing a session waits for the runs in flight and refuses new ones. */
@Timeout(60)
class ModelSessionTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @TempDir
    Path parent;

    @Test
    void closeWaitsForARunningInferenceThenRefusesNewOnes() throws Exception {
        ArtifactFolder artifact = ArtifactFolder.open(TinyArtifacts.sentiment(parent, "sentiment-lstm", "LSTM"));
        ModelSession session = ModelSession.open(ENV, artifact,
                new ModelSession.SessionSettings(1, 1, Duration.ofSeconds(30)), new SessionListener() { });
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Float> inFlight = CompletableFuture.supplyAsync(() -> run(session, result -> {
            running.countDown();
            awaitQuietly(release);
            return ((float[]) result.get(0).getValue())[0];
        }));
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(session::close);

        Thread.sleep(300);
        assertThat(closing).isNotDone();
        release.countDown();

        assertThat(inFlight.get(20, TimeUnit.SECONDS)).isBetween(0f, 1f);
        closing.get(20, TimeUnit.SECONDS);
        assertThatThrownBy(() -> run(session, result -> 0f))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Float run(ModelSession session, ModelSession.ResultReader<Float> reader) {
        try (OnnxTensor ids = OnnxTensor.createTensor(ENV, LongBuffer.wrap(new long[] {2, 15, 11}), new long[] {1, 3});
                OnnxTensor lengths = OnnxTensor.createTensor(ENV, IntBuffer.wrap(new int[] {3}), new long[] {1});
                OnnxTensor explain = OnnxTensor.createTensor(ENV, false)) {
            return session.run(1, Map.of("token_ids", ids, "sequence_lens", lengths, "explain", explain), reader);
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
