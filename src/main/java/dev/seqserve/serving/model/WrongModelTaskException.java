package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import java.util.Locale;

/** A request named a model that does another task, such as a forecaster for {@code /sentiment}. */
public final class WrongModelTaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WrongModelTaskException(String name, Manifest.Task actual, Manifest.Task wanted) {
        super("Model " + name + " is a " + lower(actual) + " model, not a " + lower(wanted) + " model.",
                null, false, false);
    }

    private static String lower(Manifest.Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
