package dev.seqserve.training.nn;

/**
 * Shape and regularisation of a {@link ForecastNet}.
 *
 * @param cell     LSTM or GRU
 * @param features values per time step
 * @param hidden   hidden units of every recurrent layer
 * @param layers   stacked recurrent layers, 1 or 2
 * @param outputs  values predicted per window (the horizon)
 * @param dropout  dropout rate on the top layer's last hidden state during training, in [0, 1)
 * @param seed     fixes the initial weights and the dropout masks
 * @param loss     what training minimises
 */
public record ForecastConfig(CellType cell, int features, int hidden, int layers, int outputs, float dropout, long seed,
        ForecastLoss loss) {

    /** A network trained on the squared error. */
    public ForecastConfig(CellType cell, int features, int hidden, int layers, int outputs, float dropout, long seed) {
        this(cell, features, hidden, layers, outputs, dropout, seed, ForecastLoss.SQUARED);
    }

    /** Checks the values. */
    public ForecastConfig {
        if (cell == null || loss == null) {
            throw new IllegalArgumentException("cell and loss are required");
        }
        if (features < 1 || hidden < 1 || outputs < 1) {
            throw new IllegalArgumentException("features, hidden and outputs must be >= 1");
        }
        if (layers < 1 || layers > 2) {
            throw new IllegalArgumentException("layers must be 1 or 2, got " + layers);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
