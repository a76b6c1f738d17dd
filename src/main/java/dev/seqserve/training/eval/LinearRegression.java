package dev.seqserve.training.eval;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Multi-output linear least squares with an intercept and optional ridge penalty, solved by
 * commons-math3's singular value decomposition, the trainer's one least-squares solver. Columns are
 * centred first, so the intercept is not penalised; the ridge enters as extra rows
 * {@code √ridge · I} of the design matrix. The decomposition's pseudo-inverse gives the minimum-norm
 * solution when columns are collinear (e.g. a constant one), so a fit never fails for that.
 */
public final class LinearRegression {

    private final double[][] weights;
    private final double[] intercepts;

    private LinearRegression(double[][] weights, double[] intercepts) {
        this.weights = weights;
        this.intercepts = intercepts;
    }

    /**
     * @param x inputs, one row per example
     * @param y targets, one row per example
     * @param ridge the penalty on the squared weights; 0 for ordinary least squares
     */
    public static LinearRegression fit(double[][] x, double[][] y, double ridge) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need as many target rows as input rows, and at least one");
        }
        if (ridge < 0) {
            throw new IllegalArgumentException("the ridge penalty must be at least 0, was " + ridge);
        }
        int p = x[0].length;
        int q = y[0].length;
        double[] xMean = columnMeans(x);
        double[] yMean = columnMeans(y);
        int rows = ridge > 0 ? n + p : n;
        double[][] design = new double[rows][p];
        double[][] targets = new double[rows][q];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                design[r][i] = x[r][i] - xMean[i];
            }
            for (int j = 0; j < q; j++) {
                targets[r][j] = y[r][j] - yMean[j];
            }
        }
        for (int i = 0; ridge > 0 && i < p; i++) {
            design[n + i][i] = Math.sqrt(ridge);
        }
        double[][] w = new SingularValueDecomposition(MatrixUtils.createRealMatrix(design)).getSolver()
                .solve(MatrixUtils.createRealMatrix(targets)).getData();
        double[] b = yMean.clone();
        for (int j = 0; j < q; j++) {
            for (int i = 0; i < p; i++) {
                b[j] -= xMean[i] * w[i][j];
            }
        }
        return new LinearRegression(w, b);
    }

    /** Like {@link #fit(double[][], double[][], double)} for single-precision data such as training pairs. */
    public static LinearRegression fit(float[][] x, float[][] y, double ridge) {
        return fit(toDouble(x), toDouble(y), ridge);
    }

    /** The outputs for one input row. */
    public double[] predict(double[] x) {
        double[] out = intercepts.clone();
        for (int i = 0; i < weights.length; i++) {
            double xi = x[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += xi * weights[i][j];
            }
        }
        return out;
    }

    /** Like {@link #predict(double[])} for a single-precision input. */
    public double[] predict(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return predict(d);
    }

    /** The weight of input {@code i} for output {@code j}. */
    public double weight(int i, int j) {
        return weights[i][j];
    }

    /** The intercept of output {@code j}. */
    public double intercept(int j) {
        return intercepts[j];
    }

    private static double[] columnMeans(double[][] rows) {
        double[] mean = new double[rows[0].length];
        for (double[] row : rows) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= rows.length;
        }
        return mean;
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] d = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            d[r] = new double[rows[r].length];
            for (int i = 0; i < d[r].length; i++) {
                d[r][i] = rows[r][i];
            }
        }
        return d;
    }
}
