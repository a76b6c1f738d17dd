package dev.seqserve.serving.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for queued inferences, rethrowing their failures as they were thrown. */
final class Futures {

    private Futures() {}

    static <T> List<T> awaitAll(List<CompletableFuture<T>> futures, String model, Duration timeout) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            futures.forEach(f -> f.cancel(false));
            throw new InferenceTimeoutException(model, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("interrupted while waiting for model " + model, e);
        } catch (ExecutionException | CompletionException | CancellationException e) {
            throw unwrap(e);
        }
        List<T> results = new ArrayList<>(futures.size());
        for (CompletableFuture<T> future : futures) {
            results.add(future.join());
        }
        return results;
    }

    private static RuntimeException unwrap(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new InferenceException(cause.getMessage(), cause);
    }
}
