package dev.seqserve.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The manifest's transforms in order, applied to and undone on windows of a series. */
final class TransformChain {

    private final List<SeriesTransform> transforms;
    private final int lagSum;

    TransformChain(List<String> specs) {
        this.transforms = specs.stream().map(SeriesTransform::parse).toList();
        this.lagSum = transforms.stream().mapToInt(SeriesTransform::lag).sum();
    }

    /** Values the differences consume: a model-space series is this much shorter than its source. */
    int lagSum() {
        return lagSum;
    }

    List<String> specs() {
        return transforms.stream().map(SeriesTransform::spec).toList();
    }

    /**
     * Transforms a working copy in place.
     *
     * @return the index of the first model-space value; they fill the rest of the array
     */
    int apply(double[] work) {
        int from = 0;
        for (SeriesTransform t : transforms) {
            from = t.apply(work, from, work.length);
        }
        return from;
    }

    /** Every stage over a tail: stage 0 is the tail itself, the last one is model space. */
    List<double[]> stages(double[] tail) {
        List<double[]> stages = new ArrayList<>(transforms.size() + 1);
        double[] current = tail;
        stages.add(current);
        for (SeriesTransform t : transforms) {
            double[] next = current.clone();
            int from = t.apply(next, 0, next.length);
            current = Arrays.copyOfRange(next, from, next.length);
            stages.add(current);
        }
        return stages;
    }

    /** Turns model-space forecasts into the series' units in place, using the stages of the series' tail. */
    void invert(List<double[]> stages, double[] forecast, int horizon) {
        for (int k = transforms.size() - 1; k >= 0; k--) {
            double[] history = stages.get(k);
            transforms.get(k).invert(history, history.length, forecast, horizon);
        }
    }

    /**
     * A checked copy of the {@code length} values before {@code end}.
     *
     * @throws IllegalArgumentException if there are fewer, or one of them is not finite
     */
    static double[] tail(double[] series, int end, int length) {
        if (end < 0 || end > series.length) {
            throw new IndexOutOfBoundsException("end " + end + " is outside a series of " + series.length + " values");
        }
        if (end < length) {
            throw new IllegalArgumentException("the series needs at least " + length + " values, got " + end);
        }
        double[] tail = Arrays.copyOfRange(series, end - length, end);
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(tail[i])) {
                throw new IllegalArgumentException("value " + (end - length + i) + " of the series is not a finite number");
            }
        }
        return tail;
    }
}
