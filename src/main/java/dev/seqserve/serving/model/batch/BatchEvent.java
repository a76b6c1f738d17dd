package dev.seqserve.serving.model.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JDK Flight Recorder event for every batch a queue runs: which queue, how many inputs and each
 * input's size (tokens or values), over the batch function's run, and the worker's CPU time in it. Off
 * unless a recording enables {@code dev.seqserve.Batch}; the benchmark does, to replay exactly the batches
 * the service formed and to tell the session runs' CPU from the rest of the batch workers'.
 */
@Name(BatchEvent.NAME)
@Label("Batch")
@Category("seqserve")
@Description("One session run of a model's queue, with each input's size")
@Enabled(false)
@StackTrace(false)
final class BatchEvent extends Event {

    /** The event's name, for recordings that enable it. */
    static final String NAME = "dev.seqserve.Batch";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Label("Queue")
    @Description("The model whose queue formed the batch")
    String queue;

    @Label("Inputs")
    int inputs;

    @Label("Sizes")
    @Description("Each input's size in the batch's order, comma-separated")
    String sizes;

    @Label("CPU Time")
    @Description("The worker thread's CPU time in the batch function (0 where the JVM does not measure thread CPU time)")
    @Timespan(Timespan.NANOSECONDS)
    long cpuTime;

    /** The thread's CPU time when the batch function began, 0 unless a recording wanted the event then; not recorded. */
    transient long cpuAtStart;

    /** A begun event, holding the thread's CPU time so far when a recording wants the event. */
    static BatchEvent start() {
        BatchEvent event = new BatchEvent();
        event.begin();
        if (event.isEnabled()) {
            event.cpuAtStart = threadCpuNanos();
        }
        return event;
    }

    static <I, O> void commit(BatchEvent event, String queue, List<Request<I, O>> batch) {
        event.end();
        if (!event.shouldCommit()) {
            return;
        }
        event.cpuTime = event.cpuAtStart == 0 ? 0 : Math.max(0, threadCpuNanos() - event.cpuAtStart);
        StringBuilder sizes = new StringBuilder(batch.size() * 4);
        for (Request<I, O> request : batch) {
            if (!sizes.isEmpty()) {
                sizes.append(',');
            }
            sizes.append(request.size);
        }
        event.queue = queue;
        event.inputs = batch.size();
        event.sizes = sizes.toString();
        event.commit();
    }

    /** The current thread's CPU time, or 0 where the JVM does not measure it. */
    private static long threadCpuNanos() {
        return Math.max(0, THREADS.getCurrentThreadCpuTime());
    }
}
