package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.Tokenizer;
import dev.seqserve.preprocess.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pretraining artifact: word vectors over a vocabulary, learnt from unlabelled reviews, which both sentiment
 * models start their embeddings from. A folder of {@code vocab.txt} (one token per line, id = line),
 * {@code vectors.f32} (little-endian float32, one row of {@code dim} per id) and {@code pretraining.json}
 * (this record's description, with both files' SHA-256), verified when read. The description holds only what
 * the run's settings and data decide, so the same run writes the same bytes and the SHA-256 a model's manifest
 * records names the vectors, not the moment they were made; when and how long goes to {@code run.json}.
 *
 * @param description what was trained, how, and from what
 * @param vocabulary the ids the vectors are rows of; a model that starts from them uses this vocabulary
 * @param vectors row-major [vocabulary size × dim]
 */
record WordVectors(Description description, Vocabulary vocabulary, float[] vectors) {

    static final String VOCABULARY_FILE = "vocab.txt";
    static final String VECTORS_FILE = "vectors.f32";
    static final String DESCRIPTION_FILE = "pretraining.json";
    static final String RUN_FILE = "run.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * What {@code pretraining.json} says.
     *
     * @param name the artifact's name, its folder's name
     * @param method e.g. {@code skip-gram with negative sampling}
     * @param dim vector width
     * @param vocabularySize ids, including {@code <pad>} and {@code <oov>}
     * @param tokenizer the tokenizer's flags, which a model must share
     * @param settings every setting of the run
     * @param data the texts read, with their checksums
     * @param files {@code vocab.txt} and {@code vectors.f32} with their SHA-256
     * @param loss the method's loss on its last pass
     */
    record Description(String name, String method, int dim, int vocabularySize,
            Map<String, Boolean> tokenizer, Map<String, String> settings, List<Manifest.DataFile> data,
            List<Manifest.FileChecksum> files, double loss) {}

    /**
     * What {@code run.json} says: facts of the run that made the vectors, outside the checksummed description.
     *
     * @param created ISO-8601 instant of the run
     * @param seconds wall-clock seconds of the run
     */
    record Run(String created, double seconds) {}

    WordVectors {
        if (vectors.length != (long) vocabulary.size() * description.dim()) {
            throw new IllegalArgumentException(vectors.length + " values are not " + vocabulary.size() + " rows of "
                    + description.dim());
        }
    }

    /** The flags of {@link Tokenizer} as the description records them. */
    static Map<String, Boolean> flags(Tokenizer tokenizer) {
        return Map.of("lowercase", tokenizer.lowercase(), "stripHtml", tokenizer.stripHtml(),
                "splitPunctuation", tokenizer.splitPunctuation());
    }

    /** The tokenizer the vectors were learnt with. */
    Tokenizer tokenizer() {
        Map<String, Boolean> t = description.tokenizer();
        return new Tokenizer(t.get("lowercase"), t.get("stripHtml"), t.get("splitPunctuation"));
    }

    /**
     * Writes the folder: the two data files, the description with their checksums, and the run's facts.
     *
     * @return the description file, whose SHA-256 a model's manifest records
     */
    Path write(Path folder, Run run) throws IOException {
        Files.createDirectories(folder);
        vocabulary.write(folder.resolve(VOCABULARY_FILE));
        ByteBuffer bytes = ByteBuffer.allocate(vectors.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vectors);
        Files.write(folder.resolve(VECTORS_FILE), bytes.array());
        Description d = description;
        Description sealed = new Description(d.name(), d.method(), d.dim(), d.vocabularySize(),
                d.tokenizer(), d.settings(), d.data(), List.of(checksum(folder, VOCABULARY_FILE),
                        checksum(folder, VECTORS_FILE)), d.loss());
        Path file = folder.resolve(DESCRIPTION_FILE);
        Files.writeString(file, JSON.writeValueAsString(sealed) + "\n");
        Files.writeString(folder.resolve(RUN_FILE), JSON.writeValueAsString(run) + "\n");
        return file;
    }

    /**
     * The facts of the run that wrote {@code folder}.
     *
     * @throws IOException naming the file when it is missing or unreadable
     */
    static Run run(Path folder) throws IOException {
        Path file = folder.resolve(RUN_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing (run `train pretrain` again)");
        }
        return JSON.readValue(file.toFile(), Run.class);
    }

    /**
     * Reads and verifies a folder written by {@link #write}.
     *
     * @throws IOException naming the file when it is missing, unreadable or not what the description says
     */
    static WordVectors read(Path folder) throws IOException {
        Path file = folder.resolve(DESCRIPTION_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing (run `train pretrain` first)");
        }
        Description description = JSON.readValue(file.toFile(), Description.class);
        for (Manifest.FileChecksum entry : description.files()) {
            String actual = Checksums.sha256(folder.resolve(entry.file()));
            if (!actual.equals(entry.sha256())) {
                throw new IOException(folder.resolve(entry.file()) + ": SHA-256 is " + actual + " but "
                        + DESCRIPTION_FILE + " says " + entry.sha256());
            }
        }
        Vocabulary vocabulary = Vocabulary.read(folder.resolve(VOCABULARY_FILE));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(folder.resolve(VECTORS_FILE))).order(ByteOrder.LITTLE_ENDIAN);
        float[] vectors = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vectors);
        return new WordVectors(description, vocabulary, vectors);
    }

    private static Manifest.FileChecksum checksum(Path folder, String name) {
        return new Manifest.FileChecksum(name, Checksums.sha256(folder.resolve(name)));
    }
}
