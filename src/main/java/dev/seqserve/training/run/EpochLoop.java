package dev.seqserve.training.run;

import dev.seqserve.training.nn.ParamSet;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs epochs until the dev metric stops improving, keeps the best weights and prints one summary line
 * per epoch; or, {@linkplain #fixed fixed}, runs a set number of epochs and keeps the last weights, the
 * dev metric (if any) only recorded.
 */
public final class EpochLoop {

    /** One model's training, an epoch at a time. */
    public interface Task {
        /**
         * Trains for one epoch.
         *
         * @param epoch 1-based epoch number
         * @return the mean training loss
         */
        double trainEpoch(int epoch);

        /** The dev metric after the epoch; higher is better. */
        double evaluate();

        /** The metric's name in the summary line, e.g. {@code dev accuracy}. */
        String metricName();
    }

    /**
     * What one epoch did; {@code loadAverage} is the machine's one-minute load average when it ended, so
     * an epoch time measured on a busy machine says so.
     */
    public record Epoch(int number, double trainLoss, double devMetric, double seconds, double loadAverage) {}

    /** The epochs run and which one's weights were kept. */
    public record History(List<Epoch> epochs, int bestEpoch) {

        public Epoch best() {
            return epochs.get(bestEpoch - 1);
        }

        public List<Double> seconds() {
            return epochs.stream().map(Epoch::seconds).toList();
        }
    }

    private final int maxEpochs;
    private final int patience;
    private final PrintStream out;
    private final boolean keepLast;

    public EpochLoop(int maxEpochs, int patience, PrintStream out) {
        this(maxEpochs, patience, out, false);
    }

    private EpochLoop(int maxEpochs, int patience, PrintStream out, boolean keepLast) {
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.out = out;
        this.keepLast = keepLast;
    }

    /**
     * A loop that trains exactly {@code epochs} epochs and keeps the last weights: the dev metric is
     * recorded in the history (it may be NaN when there is nothing to measure) but never chooses.
     */
    public static EpochLoop fixed(int epochs, PrintStream out) {
        return new EpochLoop(epochs, epochs, out, true);
    }

    public History run(Task task, ParamSet params) {
        return run(task, List.of(params));
    }

    /** Like {@link #run(Task, ParamSet)} for several networks trained together, e.g. an ensemble's members. */
    public History run(Task task, List<ParamSet> networks) {
        List<Epoch> epochs = new ArrayList<>();
        List<List<float[]>> best = snapshot(networks);
        double bestMetric = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= maxEpochs && (keepLast || epoch - bestEpoch <= patience); epoch++) {
            long start = System.nanoTime();
            double loss = task.trainEpoch(epoch);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double metric = task.evaluate();
            epochs.add(new Epoch(epoch, loss, metric, trainSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            boolean improved = !keepLast && metric > bestMetric;
            if (improved) {
                bestMetric = metric;
                bestEpoch = epoch;
                best = snapshot(networks);
            }
            String dev = Double.isNaN(metric) ? "" : String.format(Locale.ROOT, "  %s %.4f", task.metricName(), metric);
            out.printf(Locale.ROOT, "epoch %d/%d  train loss %.4f%s  %.1f s%s%n", epoch, maxEpochs, loss, dev,
                    trainSeconds, improved ? "  (best)" : "");
        }
        if (keepLast) {
            return new History(List.copyOf(epochs), epochs.size());
        }
        for (int i = 0; i < networks.size(); i++) {
            networks.get(i).restore(best.get(i));
        }
        return new History(List.copyOf(epochs), bestEpoch);
    }

    private static List<List<float[]>> snapshot(List<ParamSet> networks) {
        return networks.stream().map(ParamSet::snapshot).toList();
    }
}
