package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    private final Tokenizer tokenizer = new Tokenizer(true, true, true);

    @Test
    void reservedIdsComeFirstThenTokensByFrequencyThenByString() {
        Vocabulary v = Vocabulary.fit(List.of("b a c a", "c b d a"), tokenizer, 10);
        assertThat(v.tokens()).containsExactly("<pad>", "<oov>", "a", "b", "c", "d");
        assertThat(v.id("a")).isEqualTo(2);
        assertThat(v.size()).isEqualTo(6);
    }

    @Test
    void maxSizeCountsTheReservedIds() {
        Vocabulary v = Vocabulary.fit(Map.of("x", 5L, "y", 4L, "z", 3L), 4);
        assertThat(v.tokens()).containsExactly("<pad>", "<oov>", "x", "y");
    }

    @Test
    void unknownAndReservedStringsAreOutOfVocabulary() {
        Vocabulary v = Vocabulary.fit(Map.of("x", 5L, "<pad>", 9L), 10);
        assertThat(v.tokens()).containsExactly("<pad>", "<oov>", "x");
        assertThat(v.id("nope")).isEqualTo(Vocabulary.OOV_ID);
        assertThat(v.id("<pad>")).isEqualTo(Vocabulary.OOV_ID);
        assertThat(v.id("<oov>")).isEqualTo(Vocabulary.OOV_ID);
    }

    @Test
    void lookupFromACharBufferMatchesLookupFromAString() {
        Vocabulary v = Vocabulary.fit(List.of("the cat sat on the mat with the hat"), tokenizer, 100);
        char[] buffer = "xxcatxx".toCharArray();
        assertThat(v.id(buffer, 2, 3)).isEqualTo(v.id("cat")).isGreaterThan(1);
        assertThat(v.id(buffer, 2, 2)).isEqualTo(Vocabulary.OOV_ID);
        for (String token : v.tokens().subList(2, v.size())) {
            assertThat(v.id(token.toCharArray(), 0, token.length())).isEqualTo(v.tokens().indexOf(token));
        }
    }

    @Test
    void tokensWithEqualHashCodesKeepTheirOwnIds() {
        // "Aa" and "BB" (and every concatenation of them) share String.hashCode().
        List<String> tokens = List.of(Vocabulary.PAD, Vocabulary.OOV, "Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB");
        Vocabulary v = Vocabulary.fromTokens(tokens);
        for (int id = 2; id < tokens.size(); id++) {
            String token = tokens.get(id);
            assertThat(v.id(token)).as(token).isEqualTo(id);
            assertThat(v.id(("x" + token + "y").toCharArray(), 1, token.length())).as(token).isEqualTo(id);
        }
        assertThat(v.id("BBA")).isEqualTo(Vocabulary.OOV_ID);
        assertThat(v.id("")).isEqualTo(Vocabulary.OOV_ID);
    }

    @Test
    void writeAndReadGiveTheSameIds(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.fit(List.of("don't stop café !!! ..."), tokenizer, 100);
        Path file = dir.resolve("vocab.txt");
        v.write(file);
        assertThat(Files.readAllLines(file)).hasSize(v.size()).startsWith("<pad>", "<oov>");
        assertThat(Vocabulary.read(file).tokens()).isEqualTo(v.tokens());
    }

    @Test
    void fromTokensRejectsBadLists() {
        assertThatThrownBy(() -> Vocabulary.fromTokens(List.of("a", "<oov>"))).hasMessageContaining("<pad>");
        assertThatThrownBy(() -> Vocabulary.fromTokens(List.of("<pad>", "<oov>", "a", "a"))).hasMessageContaining("\"a\" has ids 2 and 3");
        assertThatThrownBy(() -> Vocabulary.fromTokens(List.of("<pad>", "<oov>", ""))).hasMessageContaining("empty");
    }
}
