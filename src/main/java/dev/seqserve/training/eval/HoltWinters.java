package dev.seqserve.training.eval;

import java.util.Locale;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Holt-Winters exponential smoothing with additive trend and multiplicative season (Hyndman and
 * Athanasopoulos, "Forecasting: principles and practice", 8.3): level {@code l}, trend {@code b} and
 * seasonal factors {@code s}, forecast {@code (l + h·b)·s[t+h-m]}. The smoothing parameters α, β, γ in
 * [0, 1] minimise the sum of squared one-step-ahead errors over the training span after its first two
 * seasons, found by commons-math3's BOBYQA; the state starts from the first season's mean, the change
 * of the mean over the second season, and the first season's ratios to its mean.
 */
public final class HoltWinters implements Forecaster {

    private final int period;
    private final double alpha;
    private final double beta;
    private final double gamma;

    private HoltWinters(int period, double alpha, double beta, double gamma) {
        this.period = period;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
    }

    /**
     * Fits α, β and γ on {@code [0, to)}.
     *
     * @param period the season's length in steps, at least 2
     * @throws IllegalArgumentException with fewer than three seasons or a value that is not positive
     */
    public static HoltWinters fit(double[] values, int to, int period) {
        if (period < 2 || to < 3 * period) {
            throw new IllegalArgumentException("Holt-Winters needs at least three seasons of " + period + " values, got "
                    + to);
        }
        for (int t = 0; t < to; t++) {
            if (!(values[t] > 0)) {
                throw new IllegalArgumentException("a multiplicative season needs positive values, value " + t
                        + " is " + values[t]);
            }
        }
        MultivariateFunction sse = p -> new HoltWinters(period, p[0], p[1], p[2]).run(values, to, null);
        PointValuePair best = new BOBYQAOptimizer(7).optimize(new MaxEval(20_000), new ObjectiveFunction(sse),
                GoalType.MINIMIZE, new InitialGuess(new double[] {0.3, 0.1, 0.1}),
                new SimpleBounds(new double[] {0, 0, 0}, new double[] {1, 1, 1}));
        double[] p = best.getPoint();
        return new HoltWinters(period, p[0], p[1], p[2]);
    }

    /**
     * Smooths {@code [0, to)}.
     *
     * @param state receives the level, the trend and the last season's factors, when not {@code null}
     * @return the sum of squared one-step-ahead errors after the first two seasons
     */
    private double run(double[] y, int to, double[] state) {
        int m = period;
        double first = 0;
        double second = 0;
        for (int i = 0; i < m; i++) {
            first += y[i];
            second += y[m + i];
        }
        first /= m;
        second /= m;
        double[] season = new double[to];
        for (int i = 0; i < m; i++) {
            season[i] = y[i] / first;
        }
        double trend = (second - first) / m;
        double level = first + trend * (m - 1) / 2.0;
        double sse = 0;
        for (int t = m; t < to; t++) {
            double error = y[t] - (level + trend) * season[t - m];
            if (t >= 2 * m) {
                sse += error * error;
            }
            double previous = level;
            level = alpha * y[t] / season[t - m] + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            season[t] = gamma * y[t] / level + (1 - gamma) * season[t - m];
        }
        if (state != null) {
            state[0] = level;
            state[1] = trend;
            System.arraycopy(season, to - m, state, 2, m);
        }
        return sse;
    }

    @Override
    public double[] forecast(double[] series, int end, int horizon) {
        double[] state = new double[2 + period];
        run(series, end, state);
        double[] f = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            f[h - 1] = (state[0] + h * state[1]) * state[2 + (h - 1) % period];
        }
        return f;
    }

    /** The fitted smoothing parameters, e.g. {@code α 0.31, β 0.07, γ 0.12}. */
    public String parameters() {
        return String.format(Locale.ROOT, "α %.3f, β %.3f, γ %.3f", alpha, beta, gamma);
    }
}
