package dev.seqserve.training.eval;

/** Solves symmetric positive-definite systems {@code A X = B} by Cholesky factorisation, in double. */
final class Cholesky {

    private Cholesky() {}

    /**
     * @param a a symmetric positive-definite {@code p × p} matrix; not modified
     * @param b the right-hand sides, {@code p × q}; not modified
     * @return {@code X}, {@code p × q}, or {@code null} when {@code a} is not positive definite
     */
    static double[][] solve(double[][] a, double[][] b) {
        double[][] l = factor(a);
        if (l == null) {
            return null;
        }
        int p = a.length;
        int q = b[0].length;
        double[][] x = new double[p][q];
        double[] column = new double[p];
        for (int j = 0; j < q; j++) {
            for (int i = 0; i < p; i++) {
                double s = b[i][j];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * column[k];
                }
                column[i] = s / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double s = column[i];
                for (int k = i + 1; k < p; k++) {
                    s -= l[k][i] * x[k][j];
                }
                x[i][j] = s / l[i][i];
            }
        }
        return x;
    }

    /** @return the lower-triangular {@code L} with {@code L Lᵀ = A}, or {@code null} */
    private static double[][] factor(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
