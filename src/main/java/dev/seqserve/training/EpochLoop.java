package dev.seqserve.training;

import dev.seqserve.training.nn.ParamSet;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs epochs until the dev metric stops improving, keeps the best weights and prints one summary line
 * per epoch.
 */
final class EpochLoop {

    /** One model's training, an epoch at a time. */
    interface Task {
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

    /** What one epoch did. */
    /**
     * What one epoch did; {@code loadAverage} is the machine's one-minute load average when it ended, so
     * an epoch time measured on a busy machine says so.
     */
    record Epoch(int number, double trainLoss, double devMetric, double seconds, double loadAverage) {}

    /** The epochs run and which one's weights were kept. */
    record History(List<Epoch> epochs, int bestEpoch) {

        Epoch best() {
            return epochs.get(bestEpoch - 1);
        }

        List<Double> seconds() {
            return epochs.stream().map(Epoch::seconds).toList();
        }
    }

    private final int maxEpochs;
    private final int patience;
    private final PrintStream out;

    EpochLoop(int maxEpochs, int patience, PrintStream out) {
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.out = out;
    }

    History run(Task task, ParamSet params) {
        List<Epoch> epochs = new ArrayList<>();
        List<float[]> best = params.snapshot();
        double bestMetric = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= maxEpochs && epoch - bestEpoch <= patience; epoch++) {
            long start = System.nanoTime();
            double loss = task.trainEpoch(epoch);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double metric = task.evaluate();
            epochs.add(new Epoch(epoch, loss, metric, trainSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            boolean improved = metric > bestMetric;
            if (improved) {
                bestMetric = metric;
                bestEpoch = epoch;
                best = params.snapshot();
            }
            out.printf(Locale.ROOT, "epoch %d/%d  train loss %.4f  %s %.4f  %.1f s%s%n", epoch, maxEpochs, loss,
                    task.metricName(), metric, trainSeconds, improved ? "  (best)" : "");
        }
        params.restore(best);
        return new History(List.copyOf(epochs), bestEpoch);
    }
}
