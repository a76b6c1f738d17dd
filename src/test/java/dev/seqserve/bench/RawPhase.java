package dev.seqserve.bench;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.training.onnx.OnnxSignatures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Part (a) of the benchmark: each sentiment model one review per call and in batches (sorted by
 * length, and in arrival order for comparison), from one thread and from one thread per core, and one review per
 * call with its attributions asked for (from one thread); the
 * forecaster one series per call and batched.
 */
final class RawPhase {

    /** The date given as the last value's for models that read the calendar; it changes no cost. */
    static final LocalDate LAST_DATE = LocalDate.of(1989, 12, 31);

    private final BenchOptions options;
    private final RawOrt ort;
    private final Consumer<String> log;
    private final int cores;

    RawPhase(BenchOptions options, Consumer<String> log) {
        this.options = options;
        this.cores = options.pin() ? 1 : Runtime.getRuntime().availableProcessors();
        this.ort = new RawOrt(options.intraOpThreads());
        this.log = log;
    }

    List<RawResult> sentiment(ArtifactFolder artifact, List<int[]> sequences) throws OrtException, InterruptedException {
        String model = artifact.manifest().name();
        int b = options.batchSize();
        List<PreparedBatch> sorted = new ArrayList<>(PreparedBatch.tokens(sequences, b, true));
        Collections.shuffle(sorted, new Random(1));
        List<RawResult> results = new ArrayList<>();
        try (OrtSession session = ort.open(artifact.modelFile())) {
            RawOrt.Signature signature = signature(artifact.manifest());
            List<PreparedBatch> single = PreparedBatch.tokens(sequences, 1, false);
            for (int callers : callerCounts()) {
                results.add(run(model, "batch-1", signature, session, single, callers));
            }
            results.add(run(model, HttpPhase.ONE_WORD, signature, session,
                    PreparedBatch.tokens(encode(artifact, List.of(HttpPhase.ONE_WORD_REVIEW)), 1, false), 1));
            if (artifact.manifest().onnx().inputs().stream().anyMatch(spec -> spec.name().equals(OnnxSignatures.EXPLAIN))) {
                // What an explained review costs against a plain one: the same reviews, attributions asked for.
                results.add(run(model, "batch-1 explained", signature, session, PreparedBatch.explained(single), 1));
            }
            for (int callers : callerCounts()) {
                results.add(run(model, "length-sorted", signature, session, sorted, callers));
            }
            results.add(run(model, "arrival-order", signature, session, PreparedBatch.tokens(sequences, b, false), cores));
        }
        return results;
    }

    List<RawResult> forecast(ArtifactFolder artifact, List<double[]> series) throws OrtException, InterruptedException {
        SeriesCodec codec = SeriesCodec.from(artifact.manifest().series());
        List<float[]> windows = series.stream().map(values -> codec.encode(values, LAST_DATE)).toList();
        String model = artifact.manifest().name();
        List<RawResult> results = new ArrayList<>();
        try (OrtSession session = ort.open(artifact.modelFile())) {
            RawOrt.Signature signature = signature(artifact.manifest());
            results.add(run(model, "batch-1", signature, session, PreparedBatch.windows(windows, 1), 1));
            for (int callers : callerCounts()) {
                results.add(run(model, "batched", signature, session, PreparedBatch.windows(windows, options.batchSize()), callers));
            }
        }
        return results;
    }

    /** The token ids the service would feed the model for each review. */
    static List<int[]> encode(ArtifactFolder artifact, List<String> texts) {
        TextEncoder encoder = TextEncoder.from(artifact.manifest(), artifact.vocabulary());
        return texts.stream().map(text -> encoder.encode(text).ids()).toList();
    }

    private RawResult run(String model, String mode, RawOrt.Signature signature, OrtSession session,
            List<PreparedBatch> batches, int callers) throws InterruptedException {
        RawResult result = ort.measure(model, mode, signature, session, batches, callers, options.warmup(), options.rawTime());
        log.accept(String.format("raw %-22s %-14s batch %3d callers %d: %9.1f items/s, p50 %7.3f ms, p99 %7.3f ms",
                model, mode, result.batchSize(), callers, result.itemsPerSecond(), result.perCall().p50Ms(),
                result.perCall().p99Ms()));
        return result;
    }

    private List<Integer> callerCounts() {
        return cores > 1 ? List.of(1, cores) : List.of(1);
    }

    static RawOrt.Signature signature(Manifest manifest) {
        List<Manifest.TensorSpec> inputs = manifest.onnx().inputs();
        return new RawOrt.Signature(inputs.get(0).name(), inputs.get(1).name());
    }
}
