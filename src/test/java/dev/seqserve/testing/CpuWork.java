package dev.seqserve.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Busy work measured on the calling thread's own CPU clock, for tests of CPU-time accounting. */
public final class CpuWork {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuWork() {}

    /** Spins until this thread has used {@code nanos} more CPU time, however long that takes on the wall clock. */
    public static void spin(long nanos) {
        long until = THREADS.getCurrentThreadCpuTime() + nanos;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }
}
