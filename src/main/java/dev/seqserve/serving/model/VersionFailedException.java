package dev.seqserve.serving.model;

/** A reload or pin refused a version: it failed a check, so the version that served before still serves. */
public final class VersionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final String version;
    private final String stage;
    private final String file;
    private final String reason;
    private final String serving;

    VersionFailedException(String model, String version, VersionFailure failure, String serving) {
        super("Version " + version + " of model " + model + " failed to " + verb(failure.stage()) + ": "
                + failure.file() + ": " + failure.reason() + ". Version " + serving + " keeps serving.",
                null, false, false);
        this.model = model;
        this.version = version;
        this.stage = failure.stage();
        this.file = failure.file();
        this.reason = failure.reason();
        this.serving = serving;
    }

    private static String verb(String stage) {
        return switch (stage) {
            case VersionFailure.VERIFY -> "verify";
            case VersionFailure.LOAD -> "load";
            default -> "warm up";
        };
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** The refused version. */
    public String version() {
        return version;
    }

    /** {@code verify}, {@code load} or {@code warm-up}. */
    public String stage() {
        return stage;
    }

    /** The file at fault, relative to the version's folder. */
    public String file() {
        return file;
    }

    /** What is wrong with it, without the machine's paths. */
    public String reason() {
        return reason;
    }

    /** The version that keeps serving. */
    public String serving() {
        return serving;
    }
}
