package dev.seqserve.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures ONNX Runtime on its own, in this process: session calls on prepared batches from one or
 * more threads, for a fixed time after a warm-up, with sessions set up as the service sets them up.
 */
final class RawOrt {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final int intraOpThreads;

    RawOrt(int intraOpThreads) {
        this.intraOpThreads = intraOpThreads;
    }

    OrtSession open(Path onnx) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(onnx.toString(), options);
        }
    }

    /** One configuration: {@code callers} threads cycle through {@code batches}, each from its own offset. */
    RawResult measure(String model, String mode, Signature signature, OrtSession session, List<PreparedBatch> batches,
            int callers, Duration warmup, Duration time) throws InterruptedException {
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + time.toNanos();
        List<LongList> latencies = new ArrayList<>();
        AtomicLong items = new AtomicLong();
        AtomicLong realSteps = new AtomicLong();
        AtomicLong paddedSteps = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < callers; c++) {
            LongList own = new LongList();
            latencies.add(own);
            int offset = c * batches.size() / callers;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < start) {
                        Thread.onSpinWait();
                    }
                    for (int i = offset; ; i++) {
                        PreparedBatch batch = batches.get(i % batches.size());
                        long t0 = System.nanoTime();
                        if (t0 >= measureTo) {
                            return;
                        }
                        batch.run(env, session, signature.values(), signature.lengths());
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom) {
                            own.add(t1 - t0);
                        }
                        if (t1 >= measureFrom && t1 < measureTo) {
                            items.addAndGet(batch.size());
                            realSteps.addAndGet(batch.realSteps());
                            paddedSteps.addAndGet((long) batch.size() * batch.time());
                        }
                    }
                } catch (OrtException | RuntimeException e) {
                    failures.add(e);
                }
            }, "raw-ort-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("raw run of " + model + " failed", failures.get(0));
        }
        double seconds = time.toNanos() / 1e9;
        double waste = paddedSteps.get() == 0 ? 0 : 1 - (double) realSteps.get() / paddedSteps.get();
        return new RawResult(model, mode, batches.get(0).size(), callers, items.get(), items.get() / seconds,
                LatencyStats.of(LongList.concat(latencies)), waste, RawResult.BEFORE);
    }

    /**
     * The names of a graph's two inputs.
     *
     * @param values token ids or series values
     * @param lengths {@code sequence_lens}
     */
    record Signature(String values, String lengths) {
    }
}
