package dev.seqserve.training.eval;

/**
 * Multi-output linear least squares with an intercept and optional ridge penalty, solved through
 * the normal equations by Cholesky in double. Columns are centred first: the intercept is then not
 * penalised and the normal equations are far better conditioned than with raw levels.
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
     * @param ridge added to the diagonal of the centred {@code XᵀX}; 0 for ordinary least squares
     * @throws IllegalArgumentException if the inputs are collinear even after a tiny ridge
     */
    public static LinearRegression fit(double[][] x, double[][] y, double ridge) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need as many target rows as input rows, and at least one");
        }
        int p = x[0].length;
        int q = y[0].length;
        double[] xMean = columnMeans(x);
        double[] yMean = columnMeans(y);
        double[][] xtx = new double[p][p];
        double[][] xty = new double[p][q];
        double[] xc = new double[p];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                xc[i] = x[r][i] - xMean[i];
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    xtx[i][j] += xc[i] * xc[j];
                }
                for (int j = 0; j < q; j++) {
                    xty[i][j] += xc[i] * (y[r][j] - yMean[j]);
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                xtx[j][i] = xtx[i][j];
            }
            xtx[i][i] += ridge;
            trace += xtx[i][i];
        }
        double[][] w = Cholesky.solve(xtx, xty);
        if (w == null) {
            // Exactly collinear inputs (e.g. a constant column): a ridge far below rounding error
            // of the data picks the minimum-norm-like solution instead of failing.
            double jitter = 1e-10 * Math.max(trace / p, 1e-300);
            for (int i = 0; i < p; i++) {
                xtx[i][i] += jitter;
            }
            w = Cholesky.solve(xtx, xty);
        }
        if (w == null) {
            throw new IllegalArgumentException("the inputs are collinear; add a ridge penalty");
        }
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
