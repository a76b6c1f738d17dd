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
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The online limit of a measured level: the batches the service actually formed (its
 * {@code dev.seqserve.Batch} flight-recorder events), rebuilt from the same reviews and run again
 * through raw ONNX Runtime in this process on one thread with the service's thread settings; the
 * thread's CPU per review is what any server must spend on those batches. Beside it, the offline limit:
 * the whole corpus in length-sorted batches.
 */
final class BatchReplay {

    /** The most reviews replayed per level: the batches are sampled evenly beyond it. */
    private static final int MAX_ITEMS = 4_000;

    private BatchReplay() {}

    /**
     * A measured level's time span.
     *
     * @param model the model the level loaded
     * @param concurrency its concurrency
     */
    record Window(String model, int concurrency, Instant from, Instant to) {}

    /**
     * The replay of one level.
     *
     * @param batches how many batches the service ran during the level
     * @param meanBatch their mean size
     * @param replayed how many reviews were replayed (all, or an even sample of the batches)
     * @param replayCpuMsPerReview the replay's CPU per review
     * @param offlineCpuMsPerReview length-sorted batches of the whole corpus, CPU per review
     */
    record Result(String model, int concurrency, long batches, double meanBatch, long replayed,
            double replayCpuMsPerReview, double offlineCpuMsPerReview) {}

    /** Every batch of each window's model inside the window, as input sizes, from a flight recording. */
    static Map<Window, List<int[]>> read(Path recording, List<Window> windows) throws IOException {
        Map<Window, List<int[]>> batches = new HashMap<>();
        windows.forEach(w -> batches.put(w, new ArrayList<>()));
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("dev.seqserve.Batch")) {
                continue;
            }
            String queue = event.getString("queue");
            Instant at = event.getStartTime();
            for (Window w : windows) {
                if (w.model().equals(queue) && !at.isBefore(w.from()) && at.isBefore(w.to())) {
                    batches.get(w).add(Arrays.stream(event.getString("sizes").split(",")).mapToInt(Integer::parseInt).toArray());
                }
            }
        }
        return batches;
    }

    /**
     * Replays one level's batches and the offline batches of the same model.
     *
     * @param sequences the corpus as the model reads it, to rebuild batches from reviews of the recorded lengths
     */
    static Result replay(Window window, List<int[]> batches, List<int[]> sequences, OrtEnvironment env,
            OrtSession session, RawOrt.Signature signature, int batchSize) throws OrtException {
        Map<Integer, Deque<int[]>> byLength = new HashMap<>();
        for (int[] s : sequences) {
            byLength.computeIfAbsent(Math.max(1, s.length), k -> new ArrayDeque<>()).add(s);
        }
        long total = batches.stream().mapToLong(b -> b.length).sum();
        int step = (int) Math.max(1, (total + MAX_ITEMS - 1) / MAX_ITEMS);
        List<PreparedBatch> rebuilt = new ArrayList<>();
        for (int i = 0; i < batches.size(); i += step) {
            List<int[]> rows = new ArrayList<>();
            for (int length : batches.get(i)) {
                rows.add(review(byLength, length, sequences));
            }
            rebuilt.add(PreparedBatch.tokens(rows, rows.size(), false).get(0));
        }
        double replay = cpuMsPerItem(env, session, signature, rebuilt);
        double offline = cpuMsPerItem(env, session, signature, PreparedBatch.tokens(sequences, batchSize, true));
        long replayed = rebuilt.stream().mapToLong(PreparedBatch::size).sum();
        return new Result(window.model(), window.concurrency(), batches.size(),
                batches.isEmpty() ? 0 : (double) total / batches.size(), replayed, replay, offline);
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

    /** One warm pass, then one measured pass on this thread: its CPU time per item, in ms. */
    private static double cpuMsPerItem(OrtEnvironment env, OrtSession session, RawOrt.Signature signature,
            List<PreparedBatch> batches) throws OrtException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (PreparedBatch b : batches.subList(0, Math.min(batches.size(), 20))) {
            b.run(env, session, signature.values(), signature.lengths());
        }
        long items = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (PreparedBatch b : batches) {
            b.run(env, session, signature.values(), signature.lengths());
            items += b.size();
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / Math.max(1, items);
    }
}
