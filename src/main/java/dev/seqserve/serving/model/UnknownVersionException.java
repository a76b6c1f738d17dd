package dev.seqserve.serving.model;

/** A request or an admin call named a version that is not served, or not on disk. */
public final class UnknownVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private UnknownVersionException(String message) {
        super(message, null, false, false);
    }

    /** A request named a version other than the one serving. */
    static UnknownVersionException notServing(String model, String version, String serving) {
        return new UnknownVersionException("Model " + model + " serves version " + serving + ", not \""
                + shown(version) + "\"; GET /models/" + model + " lists its versions.");
    }

    /** An admin call named a version the model's folder does not hold. */
    static UnknownVersionException notOnDisk(String model, String version) {
        return new UnknownVersionException("Model " + model + " has no version \"" + shown(version)
                + "\"; GET /models/" + model + " lists its versions.");
    }

    private static String shown(String version) {
        return version.length() > 100 ? version.substring(0, 100) + "…" : version;
    }
}
