package dev.seqserve.training.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The wall-clock time of each phase of a training command, printed as it ends and kept for the report. */
public final class PhaseTimes {

    /**
     * One finished phase.
     *
     * @param name what it did, e.g. {@code refit on 1981..1988}
     * @param seconds how long it took
     */
    public record Phase(String name, double seconds) {}

    private final List<Phase> phases = new ArrayList<>();
    private final PrintStream out;

    public PhaseTimes(PrintStream out) {
        this.out = out;
    }

    /** Runs one phase, announcing it first and its time after. */
    public <T> T time(String name, Supplier<T> work) {
        out.println("== " + name);
        long start = System.nanoTime();
        T result = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        phases.add(new Phase(name, seconds));
        out.printf(Locale.ROOT, "== %s: %.1f s%n", name, seconds);
        return result;
    }

    /** The phases so far, in order. */
    public List<Phase> phases() {
        return List.copyOf(phases);
    }
}
