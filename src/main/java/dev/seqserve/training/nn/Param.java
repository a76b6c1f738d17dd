package dev.seqserve.training.nn;

import java.util.Arrays;

/**
 * One named tensor of trainable weights with its gradient, stored row-major in exactly the layout the ONNX
 * exporter writes.
 *
 * <p>A row-sparse parameter (the embedding) only receives gradients in the rows a batch used; it remembers
 * those rows so that clearing, clipping and {@link Adam} touch nothing else. Code that writes into
 * {@link #grad()} of such a parameter directly must call {@link #touchRow(int)} for every row it writes.
 */
public final class Param {

    private final String name;
    private final int[] shape;
    private final float[] value;
    private final float[] grad;
    private final boolean rowSparse;
    private final int rowLength;
    private final boolean[] touched;
    private int[] touchedRows;
    private int touchedCount;

    Param(String name, boolean rowSparse, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException(name + ": dimension must be positive, got " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": too large " + Arrays.toString(shape));
        }
        this.value = new float[(int) size];
        this.grad = new float[(int) size];
        this.rowSparse = rowSparse;
        this.rowLength = (int) (size / shape[0]);
        this.touched = rowSparse ? new boolean[shape[0]] : null;
        this.touchedRows = rowSparse ? new int[Math.min(shape[0], 1024)] : null;
    }

    /**
     * A stable name such as {@code rnn0.W}, unique within a network.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The dimensions, outermost first.
     *
     * @return a copy of the shape
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The weights, row-major; the array is live, writing into it changes the network.
     *
     * @return the live value array
     */
    public float[] value() {
        return value;
    }

    /**
     * The accumulated gradient, same layout as {@link #value()}; live.
     *
     * @return the live gradient array
     */
    public float[] grad() {
        return grad;
    }

    /**
     * Number of scalars.
     *
     * @return the product of the shape
     */
    public int size() {
        return value.length;
    }

    /**
     * Whether gradients arrive only in the rows (first dimension) a batch used.
     *
     * @return true for the embedding
     */
    public boolean isRowSparse() {
        return rowSparse;
    }

    /**
     * Records that row {@code row} of a row-sparse parameter has a gradient; no-op for dense parameters.
     *
     * @param row index along the first dimension
     */
    public void touchRow(int row) {
        if (!rowSparse || touched[row]) {
            return;
        }
        touched[row] = true;
        if (touchedCount == touchedRows.length) {
            touchedRows = Arrays.copyOf(touchedRows, Math.min(shape[0], touchedRows.length * 2));
        }
        touchedRows[touchedCount++] = row;
    }

    /** Sets the gradient to zero (only the touched rows for a row-sparse parameter, which is the same). */
    public void zeroGrad() {
        if (!rowSparse) {
            Arrays.fill(grad, 0f);
            return;
        }
        for (int i = 0; i < touchedCount; i++) {
            int row = touchedRows[i];
            Arrays.fill(grad, row * rowLength, (row + 1) * rowLength, 0f);
            touched[row] = false;
        }
        touchedCount = 0;
    }

    /** Rows that may hold a non-zero gradient, in first-touch order; the whole range for dense parameters. */
    int[] gradRows() {
        if (!rowSparse) {
            int[] all = new int[shape[0]];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return Arrays.copyOf(touchedRows, touchedCount);
    }

    /** Scalars per row (product of all dimensions but the first). */
    int rowLength() {
        return rowLength;
    }

    /** Sum of squared gradient entries, in double so that clipping a large model stays exact enough. */
    double gradSquaredNorm() {
        double sum = 0;
        if (!rowSparse) {
            for (float g : grad) {
                sum += (double) g * g;
            }
            return sum;
        }
        for (int i = 0; i < touchedCount; i++) {
            int base = touchedRows[i] * rowLength;
            for (int j = 0; j < rowLength; j++) {
                float g = grad[base + j];
                sum += (double) g * g;
            }
        }
        return sum;
    }

    /** Multiplies the gradient by {@code factor}. */
    void scaleGrad(float factor) {
        if (!rowSparse) {
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= factor;
            }
            return;
        }
        for (int i = 0; i < touchedCount; i++) {
            int base = touchedRows[i] * rowLength;
            for (int j = 0; j < rowLength; j++) {
                grad[base + j] *= factor;
            }
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
