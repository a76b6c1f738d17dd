package dev.seqserve.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The online limit of a measured level: the batches the service actually formed (its
 * {@code dev.seqserve.Batch} flight-recorder events), rebuilt from the same reviews and run again
 * through raw ONNX Runtime in this process on one thread with the service's thread settings; the
 * thread's CPU per review is what any server must spend on those batches. Beside it, the offline limit:
 * the whole corpus in length-sorted batches, and the service's own CPU inside its batch functions (the
 * events' CPU time), which tells the session runs' share of the batch workers' CPU from the rest.
 */
final class BatchReplay {

    /** The most reviews replayed per level: the batches are sampled evenly beyond it. */
    private static final int MAX_ITEMS = 4_000;
    /** Measured passes over a level's batches: their spread shows how far the machine's speed moved meanwhile. */
    static final int PASSES = 3;

    private BatchReplay() {}

    /**
     * A measured level's time span.
     *
     * @param model the model the level loaded
     * @param setup its setup: {@code micro-batching} for real reviews, or the one-word floor
     * @param concurrency its concurrency
     */
    record Window(String model, String setup, int concurrency, Instant from, Instant to) {

        /** Whether the level sent real reviews, whose batches are worth replaying. */
        boolean realReviews() {
            return setup.equals(HttpPhase.MICRO_BATCHING);
        }
    }

    /**
     * The replay of one level.
     *
     * @param batches how many batches the service ran during the level
     * @param meanBatch their mean size
     * @param replayed how many reviews were replayed (all, or an even sample of the batches)
     * @param batchFunctionCpuMsPerReview the service's batch workers' CPU inside the batch function per review
     *     (building the tensors, the session run, reading its output), from the events
     * @param replay the replay's CPU per review over its passes
     * @param offlineCpuMsPerReview length-sorted batches of the whole corpus, CPU per review
     */
    record Result(String model, int concurrency, long batches, double meanBatch, long replayed,
            double batchFunctionCpuMsPerReview, Passes replay, double offlineCpuMsPerReview) {

        /** The replay's CPU per review: its passes' median. */
        double replayCpuMsPerReview() {
            return replay.median();
        }
    }

    /**
     * CPU per review over several passes of the same batches, in ms.
     *
     * @param median the median pass, the figure the report compares against
     * @param low the cheapest pass
     * @param high the dearest pass
     */
    record Passes(double median, double low, double high) {

        static Passes of(double... passes) {
            double[] sorted = passes.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Passes(median, sorted[0], sorted[n - 1]);
        }

        /** {@code value} against the median pass: the ratio verdicts and tables use. */
        double over(double value) {
            return value / median;
        }

        /** {@code value} against the median, and against the dearest and cheapest pass, as {@code "1.20 x (1.15–1.25 x)"}. */
        String ratio(double value) {
            return String.format(Locale.ROOT, "%.2f x (%.2f–%.2f x)", over(value), value / high, value / low);
        }
    }

    /**
     * What the service ran in one level.
     *
     * @param batches every batch, as its inputs' sizes
     * @param cpuNanos the workers' CPU time inside the batch function over all of them
     */
    record Formed(List<int[]> batches, long cpuNanos) {

        /** The batches and CPU time of a level's {@code dev.seqserve.Batch} events. */
        static Formed of(List<RecordedEvent> events) {
            return new Formed(
                    events.stream().map(e -> Arrays.stream(e.getString("sizes").split(",")).mapToInt(Integer::parseInt).toArray())
                            .toList(),
                    events.stream().mapToLong(e -> e.getDuration("cpuTime").toNanos()).sum());
        }

        long reviews() {
            return batches.stream().mapToLong(b -> b.length).sum();
        }

        double cpuMsPerReview() {
            return cpuNanos / 1e6 / Math.max(1, reviews());
        }
    }

    /** Every batch of each window's model inside the window, from a flight recording. */
    static Map<Window, Formed> read(Path recording, List<Window> windows) throws IOException {
        Map<Window, List<RecordedEvent>> inWindow = new HashMap<>();
        windows.forEach(w -> inWindow.put(w, new ArrayList<>()));
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("dev.seqserve.Batch")) {
                continue;
            }
            String queue = event.getString("queue");
            Instant at = event.getStartTime();
            for (Window w : windows) {
                if (w.model().equals(queue) && !at.isBefore(w.from()) && at.isBefore(w.to())) {
                    inWindow.get(w).add(event);
                }
            }
        }
        Map<Window, Formed> formed = new HashMap<>();
        inWindow.forEach((w, events) -> formed.put(w, Formed.of(events)));
        return formed;
    }

    /**
     * Replays one level's batches and the offline batches of the same model.
     *
     * @param sequences the corpus as the model reads it, to rebuild batches from reviews of the recorded lengths
     */
    static Result replay(Window window, Formed formed, List<int[]> sequences, OrtEnvironment env,
            OrtSession session, RawOrt.Signature signature, int batchSize) throws OrtException {
        List<int[]> batches = formed.batches();
        Map<Integer, Deque<int[]>> byLength = new HashMap<>();
        for (int[] s : sequences) {
            byLength.computeIfAbsent(Math.max(1, s.length), k -> new ArrayDeque<>()).add(s);
        }
        long total = formed.reviews();
        int step = (int) Math.max(1, (total + MAX_ITEMS - 1) / MAX_ITEMS);
        List<PreparedBatch> rebuilt = new ArrayList<>();
        for (int i = 0; i < batches.size(); i += step) {
            List<int[]> rows = new ArrayList<>();
            for (int length : batches.get(i)) {
                rows.add(review(byLength, length, sequences));
            }
            rebuilt.add(PreparedBatch.tokens(rows, rows.size(), false).get(0));
        }
        Passes replay = Passes.of(cpuMsPerItem(env, session, signature, rebuilt, PASSES));
        double offline = cpuMsPerItem(env, session, signature, PreparedBatch.tokens(sequences, batchSize, true), 1)[0];
        long replayed = rebuilt.stream().mapToLong(PreparedBatch::size).sum();
        return new Result(window.model(), window.concurrency(), batches.size(),
                batches.isEmpty() ? 0 : (double) total / batches.size(), replayed, formed.cpuMsPerReview(), replay, offline);
    }

    /** A review of exactly {@code length} tokens, in turn; a longer one cut to it when the corpus has none. */
    private static int[] review(Map<Integer, Deque<int[]>> byLength, int length, List<int[]> sequences) {
        Deque<int[]> same = byLength.get(length);
        if (same != null) {
            int[] s = same.poll();
            same.add(s);
            return s;
        }
        for (int[] s : sequences) {
            if (s.length >= length) {
                return Arrays.copyOf(s, length);
            }
        }
        throw new IllegalStateException("no review of " + length + " tokens or more to replay");
    }

    /** A short warm-up, then {@code passes} measured passes on this thread: each one's CPU time per item, in ms. */
    private static double[] cpuMsPerItem(OrtEnvironment env, OrtSession session, RawOrt.Signature signature,
            List<PreparedBatch> batches, int passes) throws OrtException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (PreparedBatch b : batches.subList(0, Math.min(batches.size(), 20))) {
            b.run(env, session, signature.values(), signature.lengths());
        }
        double[] perItem = new double[passes];
        for (int pass = 0; pass < passes; pass++) {
            long items = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (PreparedBatch b : batches) {
                b.run(env, session, signature.values(), signature.lengths());
                items += b.size();
            }
            perItem[pass] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / Math.max(1, items);
        }
        return perItem;
    }
}
