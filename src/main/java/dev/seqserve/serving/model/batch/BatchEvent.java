package dev.seqserve.serving.model.batch;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JDK Flight Recorder event for every batch a queue runs: which queue, how many inputs and each
 * input's size (tokens or values), over the batch function's run. Off unless a recording enables
 * {@code dev.seqserve.Batch}; the benchmark does, to replay exactly the batches the service formed.
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

    @Label("Queue")
    @Description("The model whose queue formed the batch")
    String queue;

    @Label("Inputs")
    int inputs;

    @Label("Sizes")
    @Description("Each input's size in the batch's order, comma-separated")
    String sizes;

    static <I, O> void commit(BatchEvent event, String queue, java.util.List<Request<I, O>> batch) {
        event.end();
        if (!event.shouldCommit()) {
            return;
        }
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
}
