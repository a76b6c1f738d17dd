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
 */
record Signature(String values, String lengths, String output) {

    /**
     * @param valuesType the element type of the values input, e.g. {@code int64} or {@code float}
     * @throws ArtifactException when the manifest and the graph disagree
     */
    static Signature resolve(ArtifactFolder artifact, ModelSession session, String valuesType) {
        List<TensorSpec> inputs = artifact.manifest().onnx().inputs();
        List<TensorSpec> outputs = artifact.manifest().onnx().outputs();
        String values = inputOfType(artifact, inputs, valuesType);
        String lengths = inputOfType(artifact, inputs, "int32");
        Set<String> declared = new TreeSet<>();
        inputs.forEach(spec -> declared.add(spec.name()));
        Set<String> actual = new TreeSet<>(session.inputNames());
        String file = artifact.manifest().onnx().file();
        if (!actual.equals(declared)) {
            throw new ArtifactException(artifact.folder(), file,
                    "has inputs " + actual + " but the manifest says " + declared);
        }
        String output = outputs.get(0).name();
        if (!session.outputNames().contains(output)) {
            throw new ArtifactException(artifact.folder(), file,
                    "has outputs " + new TreeSet<>(session.outputNames()) + " but the manifest says " + output);
        }
        return new Signature(values, lengths, output);
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
