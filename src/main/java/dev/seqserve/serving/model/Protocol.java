package dev.seqserve.serving.model;

/**
 * The API a request arrived through, the {@code protocol} tag of the request meters: the same models,
 * queues and limits answer both.
 */
public enum Protocol {
    /** seqserve's own task endpoints, {@code POST /sentiment} and {@code POST /forecast}. */
    SEQSERVE("seqserve"),
    /** The Open Inference Protocol (KServe V2), {@code POST /v2/models/{name}/infer}. */
    V2("v2");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    /** The tag value. */
    public String label() {
        return label;
    }
}
