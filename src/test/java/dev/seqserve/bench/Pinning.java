package dev.seqserve.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's {@code --pin} mode, with util-linux's {@code taskset}: the service and the raw ONNX
 * Runtime runs on {@link #SERVICE_CORE}, the load generator on {@link #LOAD_CORE}, so that neither takes
 * the other's core and the raw figures are one core's, like the service's.
 */
final class Pinning {

    static final int SERVICE_CORE = 1;
    static final int LOAD_CORE = 0;

    private final boolean on;

    Pinning(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on;
    }

    /** What a child process's command starts with to run on {@code core}: nothing when not pinning. */
    List<String> prefix(int core) {
        return on ? List.of("taskset", "-c", Integer.toString(core)) : List.of();
    }

    /** {@code command} run on {@code core}. */
    List<String> command(int core, List<String> command) {
        List<String> all = new ArrayList<>(prefix(core));
        all.addAll(command);
        return all;
    }

    /** Moves every thread of this JVM to {@code core} (threads it starts later inherit it). */
    void self(int core) {
        if (!on) {
            return;
        }
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-cp", Integer.toString(core),
                    Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("taskset could not pin the benchmark to core " + core);
            }
        } catch (IOException e) {
            throw new IllegalStateException("--pin needs taskset (util-linux): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning", e);
        }
    }
}
