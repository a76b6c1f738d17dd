package dev.seqserve.training.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The wall-clock time of each phase of a training command, in the order they ran, for its report. */
public final class Phases {

    /** One phase: its name, seconds, and a note such as "reused". */
    public record Phase(String name, double seconds, String note) {}

    /** Work that may throw, timed as one phase. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final List<Phase> phases = new ArrayList<>();

    /** Runs and records a phase. */
    public <T, E extends Exception> T time(String name, Work<T, E> work) throws E {
        long start = System.nanoTime();
        T result = work.run();
        add(name, (System.nanoTime() - start) / 1e9, "");
        return result;
    }

    /** Records a phase timed elsewhere. */
    public void add(String name, double seconds, String note) {
        phases.add(new Phase(name, seconds, note));
    }

    /** The phases so far. */
    public List<Phase> list() {
        return List.copyOf(phases);
    }

    /** Their total seconds. */
    public double total() {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    /** {@code 1 h 02 min}, {@code 14 min 05 s} or {@code 42.0 s}. */
    public static String format(double seconds) {
        long s = Math.round(seconds);
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
