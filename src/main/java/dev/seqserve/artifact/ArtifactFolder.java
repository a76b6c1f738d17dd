package dev.seqserve.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One model's folder: {@code manifest.json}, {@code model.onnx} and, for text models, the vocabulary.
 * Reading verifies the folder, so a loaded artifact is one whose files are what the manifest says.
 */
public final class ArtifactFolder {

    /** The manifest's file name inside an artifact folder. */
    public static final String MANIFEST_FILE = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Path folder;
    private final Manifest manifest;

    private ArtifactFolder(Path folder, Manifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Reads and verifies an artifact folder.
     *
     * @param folder the folder
     * @return the verified artifact
     * @throws ArtifactException naming the file and the reason when anything does not hold
     */
    public static ArtifactFolder open(Path folder) {
        Manifest manifest = readManifest(folder);
        ManifestCheck.verify(folder, manifest);
        return new ArtifactFolder(folder, manifest);
    }

    /**
     * Writes a manifest into a folder, replacing any earlier one, with the SHA-256 of every file in
     * {@link Manifest#supportFiles()} as the folder holds them now (so write those files first).
     *
     * @param folder the artifact folder, created if absent
     * @param manifest the manifest to write; its {@code files} are replaced
     * @return the manifest as written
     */
    public static Manifest writeManifest(Path folder, Manifest manifest) throws IOException {
        Files.createDirectories(folder);
        List<Manifest.FileChecksum> checksums = new ArrayList<>();
        for (String name : manifest.supportFiles()) {
            Path path = folder.resolve(name);
            if (!Files.isRegularFile(path)) {
                throw new IOException("cannot checksum " + path + ": write the artifact's files before its manifest");
            }
            checksums.add(new Manifest.FileChecksum(name, Checksums.sha256(path)));
        }
        Manifest sealed = manifest.withFiles(checksums);
        Files.writeString(folder.resolve(MANIFEST_FILE), toJson(sealed) + System.lineSeparator());
        return sealed;
    }

    /** The manifest as the JSON written to {@code manifest.json}. */
    public static String toJson(Manifest manifest) {
        return JSON.writeValueAsString(manifest);
    }

    /**
     * Reads a folder's manifest without verifying the folder, e.g. to rank versions by {@code created}
     * before loading the newest; {@link #open} is what makes an artifact usable.
     *
     * @throws ArtifactException naming the manifest when it is missing or not a manifest
     */
    public static Manifest readManifest(Path folder) {
        Path file = folder.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactException(folder, MANIFEST_FILE, "missing");
        }
        try {
            return JSON.readValue(file.toFile(), Manifest.class);
        } catch (JacksonException e) {
            throw new ArtifactException(folder, MANIFEST_FILE, "not a valid manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** The folder on disk. */
    public Path folder() {
        return folder;
    }

    /** The verified manifest. */
    public Manifest manifest() {
        return manifest;
    }

    /** The ONNX graph file. */
    public Path modelFile() {
        return folder.resolve(manifest.onnx().file());
    }

    /**
     * The vocabulary, one token per line, id = line index.
     *
     * @throws ArtifactException when the model has no vocabulary or it cannot be read
     */
    public List<String> vocabulary() {
        if (manifest.text() == null) {
            throw new ArtifactException(folder, MANIFEST_FILE, "a " + manifest.task() + " model has no vocabulary");
        }
        String name = manifest.text().vocabularyFile();
        try {
            return Files.readAllLines(folder.resolve(name));
        } catch (IOException e) {
            throw new ArtifactException(folder, name, "cannot be read: " + e.getMessage(), e);
        }
    }
}
