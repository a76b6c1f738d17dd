package dev.seqserve.training.nn;

/** The recurrent cell of a layer, named after the ONNX operator that runs it at inference time. */
public enum CellType {
    /** ONNX {@code LSTM}: gates in the order i, o, f, c; no peepholes. */
    LSTM(4),
    /** ONNX {@code GRU} with {@code linear_before_reset = 1}: gates in the order z, r, h. */
    GRU(3);

    private final int gates;

    CellType(int gates) {
        this.gates = gates;
    }

    /**
     * Number of gate blocks stacked in W, R and each half of B.
     *
     * @return 4 for LSTM, 3 for GRU
     */
    public int gates() {
        return gates;
    }

    /**
     * The ONNX operator type that computes this cell.
     *
     * @return {@code "LSTM"} or {@code "GRU"}
     */
    public String onnxOperator() {
        return name();
    }
}
