package dev.seqserve.training.run;

import dev.seqserve.artifact.Manifest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a training run records about itself, in the ONNX metadata and the manifest alike. */
public record Provenance(String name, String task, long seed, Map<String, String> hyperParameters, List<Manifest.DataFile> data,
        String created) {

    public static Provenance of(String name, String task, long seed, Map<String, String> hyperParameters,
            List<Manifest.DataFile> data) {
        return new Provenance(name, task, seed, new TreeMap<>(hyperParameters), List.copyOf(data),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The provenance as ONNX {@code metadata_props}. */
    public Map<String, String> onnxMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("seqserve.name", name);
        metadata.put("seqserve.task", task);
        metadata.put("seqserve.created", created);
        metadata.put("seqserve.seed", Long.toString(seed));
        hyperParameters.forEach((k, v) -> metadata.put("seqserve.hyper." + k, v));
        for (Manifest.DataFile file : data) {
            metadata.put("seqserve.data." + file.role() + ".sha256", file.sha256());
            metadata.put("seqserve.data." + file.role() + ".path", file.path());
        }
        return metadata;
    }

    /** The content-derived model version: the first 12 hex digits of the model file's SHA-256. */
    public static String version(String modelSha256) {
        return modelSha256.substring(0, 12);
    }

    public Manifest.Training training(EpochLoop.History history) {
        return new Manifest.Training(seed, hyperParameters, data, history.epochs().size(), history.bestEpoch(),
                history.seconds());
    }
}
