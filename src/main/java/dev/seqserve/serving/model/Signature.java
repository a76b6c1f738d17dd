package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest.TensorSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tensor names a runner feeds and reads, taken from the manifest and checked against the graph,
 * so a manifest that does not describe its {@code model.onnx} stops start-up.
 *
 * @param values the input holding the sequence values (token ids or series)
 * @param lengths the int32 {@code sequence_lens} input
 * @param output the output read
 * @param explain the bool input that asks for {@code attributions}, or null when the graph has none
 * @param attributions the second output, each token's contribution, or null when the graph has none
 */
record Signature(String values, String lengths, String output, String explain, String attributions) {

    /** Whether the graph can give each token's contribution. */
    boolean explains() {
        return explain != null;
    }

    /**
     * @param valuesType the element type of the values input, e.g. {@code int64} or {@code float}
     * @throws ArtifactException when the manifest and the graph disagree
     */
    static Signature resolve(ArtifactFolder artifact, ModelSession session, String valuesType) {
        List<TensorSpec> inputs = artifact.manifest().onnx().inputs();
        List<TensorSpec> outputs = artifact.manifest().onnx().outputs();
        String values = inputOfType(artifact, inputs, valuesType);
        String lengths = inputOfType(artifact, inputs, "int32");
        String explain = inputs.stream().filter(spec -> "bool".equals(spec.type())).map(TensorSpec::name).findFirst()
                .orElse(null);
        Set<String> declared = new TreeSet<>();
        inputs.forEach(spec -> declared.add(spec.name()));
        Set<String> actual = new TreeSet<>(session.inputNames());
        String file = artifact.manifest().onnx().file();
        if (!actual.equals(declared)) {
            throw new ArtifactException(artifact.folder(), file,
                    "has inputs " + actual + " but the manifest says " + declared);
        }
        List<String> named = outputs.stream().map(TensorSpec::name).toList();
        if (!session.outputNames().containsAll(named)) {
            throw new ArtifactException(artifact.folder(), file,
                    "has outputs " + new TreeSet<>(session.outputNames()) + " but the manifest says " + named);
        }
        if (explain != null && named.size() < 2) {
            throw new ArtifactException(artifact.folder(), ArtifactFolder.MANIFEST_FILE,
                    "names a bool explain input but no second output for its attributions: " + named);
        }
        String attributions = explain == null ? null : named.get(1);
        return new Signature(values, lengths, named.get(0), explain, attributions);
    }

    private static String inputOfType(ArtifactFolder artifact, List<TensorSpec> inputs, String type) {
        return inputs.stream()
                .filter(spec -> type.equals(spec.type()))
                .map(TensorSpec::name)
                .findFirst()
                .orElseThrow(() -> new ArtifactException(artifact.folder(), ArtifactFolder.MANIFEST_FILE,
                        "names no " + type + " onnx input for a " + artifact.manifest().task() + " model"));
    }
}
