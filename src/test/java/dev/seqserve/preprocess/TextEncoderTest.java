package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seqserve.artifact.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

    private final Tokenizer tokenizer = new Tokenizer(true, true, true);
    // ids: a=2, b=3, c=4, d=5, e=6
    private final Vocabulary vocabulary = Vocabulary.fit(Map.of("a", 9L, "b", 8L, "c", 7L, "d", 6L, "e", 5L), 100);

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Manifest.Truncation.class)
    void spansGiveTheSameIdsAsEncodeAndPointAtTheTokensRead(Manifest.Truncation side) {
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, 4, side);
        String text = "A <br />b &amp; C zz, e!";

        TokenSpans spans = encoder.encodeWithSpans(text);

        assertThat(spans.encoded()).isEqualTo(encoder.encode(text));
        assertThat(spans.tokens()).isEqualTo(side == Manifest.Truncation.HEAD
                ? List.of("a", "b", "&", "c") : List.of("zz", ",", "e", "!"));
        for (int i = 0; i < spans.size(); i++) {
            String raw = text.substring(spans.start()[i], spans.end()[i]);
            assertThat(tokenizer.tokenize(raw)).containsExactly(spans.tokens().get(i));
        }
    }

    @Test
    void shortTextsAreNotTruncatedAndUnknownTokensAreOov() {
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, 5, Manifest.Truncation.HEAD);
        assertThat(encoder.encode("A b zzz")).isEqualTo(new EncodedText(new int[] {2, 3, 1}, 3, false));
    }

    @Test
    void headKeepsTheFirstTokens() {
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, 3, Manifest.Truncation.HEAD);
        assertThat(encoder.encode("a b c d e")).isEqualTo(new EncodedText(new int[] {2, 3, 4}, 5, true));
    }

    @Test
    void tailKeepsTheLastTokensInOrder() {
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, 3, Manifest.Truncation.TAIL);
        assertThat(encoder.encode("a b c d e")).isEqualTo(new EncodedText(new int[] {4, 5, 6}, 5, true));
        assertThat(encoder.encode("a b c")).isEqualTo(new EncodedText(new int[] {2, 3, 4}, 3, false));
    }

    @Test
    void longTextsAgreeWithTheTokenList() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            words.add(String.valueOf((char) ('a' + i % 7)));
        }
        String text = String.join(" ", words);
        for (Manifest.Truncation side : Manifest.Truncation.values()) {
            EncodedText encoded = new TextEncoder(tokenizer, vocabulary, 400, side).encode(text);
            List<String> kept = side == Manifest.Truncation.HEAD ? words.subList(0, 400) : words.subList(600, 1000);
            assertThat(encoded.ids()).containsExactly(kept.stream().mapToInt(vocabulary::id).toArray());
            assertThat(encoded.tokenCount()).isEqualTo(1000);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Manifest.Truncation.class)
    void wordsOfEveryKindGiveTheIdsOfLookingUpEachToken(Manifest.Truncation side) {
        // Known and unknown words, short enough to be held in the table's slots and not (long, or with
        // characters beyond Latin-1), in texts shorter than the ring's first size, longer, and truncated.
        List<String> kinds = List.of("film", "magnificently", "café", "naïveté", "日本", "x", "unheardofword", "zzz",
                "überwältigend", "ok");
        Vocabulary mixed = Vocabulary.fit(Map.of("film", 9L, "magnificently", 8L, "café", 7L, "日本", 6L, "x", 5L,
                "überwältigend", 4L, "ok", 3L), 100);
        java.util.Random random = new java.util.Random(11);
        for (int length : new int[] {10, 150, 1000}) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                words.add(kinds.get(random.nextInt(kinds.size())));
            }
            EncodedText encoded = new TextEncoder(tokenizer, mixed, 400, side).encode(String.join(" ", words));
            List<String> kept = words.size() <= 400 ? words
                    : side == Manifest.Truncation.HEAD ? words.subList(0, 400) : words.subList(words.size() - 400, words.size());
            assertThat(encoded.ids()).as("%d words", length).containsExactly(kept.stream().mapToInt(mixed::id).toArray());
            assertThat(encoded.ids()).as("some known, some not").contains(Vocabulary.OOV_ID, mixed.id("magnificently"));
        }
    }

    @Test
    void aTextWithoutTokensGivesNoIds() {
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, 3, Manifest.Truncation.TAIL);
        assertThat(encoder.encode("<br />  ")).isEqualTo(new EncodedText(new int[0], 0, false));
    }

    @Test
    void buildsFromAManifestAndChecksTheVocabulary() {
        Manifest manifest = manifest(new Manifest.TextPreprocessing(true, true, true, "vocab.txt", 7, 0, 1, 2,
                Manifest.Truncation.TAIL));
        TextEncoder encoder = TextEncoder.from(manifest, vocabulary.tokens());
        assertThat(encoder.encode("a b c")).isEqualTo(new EncodedText(new int[] {3, 4}, 3, true));

        Manifest wrongSize = manifest(new Manifest.TextPreprocessing(true, true, true, "vocab.txt", 8, 0, 1, 2,
                Manifest.Truncation.TAIL));
        assertThatThrownBy(() -> TextEncoder.from(wrongSize, vocabulary.tokens())).hasMessageContaining("7 tokens");
    }

    private static Manifest manifest(Manifest.TextPreprocessing text) {
        return new Manifest(Manifest.FORMAT_VERSION, "sentiment-test", Manifest.Task.SENTIMENT, "gru", "1", "now",
                null, text, null, List.of(), null);
    }
}
