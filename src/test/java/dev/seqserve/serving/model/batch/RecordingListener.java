package dev.seqserve.serving.model.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers every batch size and counts refusals and expiries. */
final class RecordingListener implements BatchListener {

    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger failedBatches = new AtomicInteger();
    final AtomicInteger overloaded = new AtomicInteger();
    final AtomicInteger expired = new AtomicInteger();

    @Override
    public void onBatch(int size, long queueNanos, long runNanos, boolean failed) {
        batchSizes.add(size);
        if (failed) {
            failedBatches.incrementAndGet();
        }
    }

    @Override
    public void onOverloaded() {
        overloaded.incrementAndGet();
    }

    @Override
    public void onDeadlineExceeded() {
        expired.incrementAndGet();
    }
}
