package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.Map;

/** Leaves values as they are, for series already in a small range. */
public final class IdentityScaler implements Scaler {

    /** The manifest's name for this scaler. */
    public static final String KIND = "none";

    /** The only instance. */
    public static final IdentityScaler INSTANCE = new IdentityScaler();

    private IdentityScaler() {}

    @Override
    public double scale(double value) {
        return value;
    }

    @Override
    public double unscale(double scaled) {
        return scaled;
    }

    @Override
    public double spread() {
        return 1;
    }

    @Override
    public Manifest.Scaler toManifest() {
        return new Manifest.Scaler(KIND, Map.of());
    }
}
