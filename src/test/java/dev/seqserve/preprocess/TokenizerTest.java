package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer(true, true, true);

    @Test
    void spansPointAtEachTokenInTheRawText() {
        String text = "A <br />Wonderful &amp; don't-miss film!!! \uD83D\uDE00 it's 'great'";
        List<String> spans = new ArrayList<>();
        tokenizer.scan(text, (chars, offset, length, start, end) ->
                spans.add(new String(chars, offset, length) + "=" + text.substring(start, end)));

        assertThat(spans).containsExactly("a=A", "wonderful=Wonderful", "&=&amp;", "don't=don't", "-=-", "miss=miss",
                "film=film", "!!!=!!!", "\uD83D\uDE00=\uD83D\uDE00", "it's=it's", "'='", "great=great", "'='");
    }

    @Test
    void spansOfTheSameTokensAsScanWithoutThem() {
        String text = "Tom &amp; Jerry &quot;rock&quot; <i>o'clock</i> ''quoted'' actors' fault";
        List<String> plain = new ArrayList<>();
        tokenizer.scan(text, (chars, offset, length) -> plain.add(new String(chars, offset, length)));
        List<String> spanned = new ArrayList<>();
        tokenizer.scan(text, (chars, offset, length, start, end) -> {
            assertThat(start).isLessThan(end);
            spanned.add(new String(chars, offset, length));
        });

        assertThat(spanned).isEqualTo(plain).isEqualTo(tokenizer.tokenize(text));
    }

    @Test
    void breakTagsSeparateWordsAndDisappear() {
        assertThat(tokenizer.tokenize("Great film.<br /><br />Loved it")).containsExactly("great", "film", ".", "loved", "it");
        assertThat(tokenizer.tokenize("good<br/>bad<BR>ugly")).containsExactly("good", "bad", "ugly");
    }

    @Test
    void otherTagsAreStrippedButALoneLessThanIsPunctuation() {
        assertThat(tokenizer.tokenize("<i>Psycho</i> <3 and < 30 minutes")).containsExactly("psycho", "<", "3", "and", "<", "30", "minutes");
        assertThat(tokenizer.tokenize("<<<sigh>")).containsExactly("<<");
    }

    @Test
    void entitiesAreDecoded() {
        assertThat(tokenizer.tokenize("Tom &amp; Jerry &quot;rock&quot; &lt;3")).containsExactly("tom", "&", "jerry", "\"", "rock", "\"", "<", "3");
        assertThat(tokenizer.tokenize("don&#39;t caf&#233; &#x2019;")).containsExactly("don't", "café", "'");
        assertThat(tokenizer.tokenize("AT&T &bogus; &#0;")).containsExactly("at", "&", "t", "&", "bogus", ";", "&", "#", "0", ";");
    }

    @Test
    void apostrophesInsideWordsStayButQuotesSplit() {
        assertThat(tokenizer.tokenize("Don't you think it's 'great', o'clock?"))
                .containsExactly("don't", "you", "think", "it's", "'", "great", "'", ",", "o'clock", "?");
        assertThat(tokenizer.tokenize("It\u2019s the actors' fault")).containsExactly("it's", "the", "actors", "'", "fault");
    }

    @Test
    void aRunOfOneMarkIsOneTokenAndMixedMarksSplit() {
        assertThat(tokenizer.tokenize("Wow!!! Really?! Well... well-made, 7.5/10"))
                .containsExactly("wow", "!!!", "really", "?", "!", "well", "...", "well", "-", "made", ",", "7", ".", "5", "/", "10");
    }

    @Test
    void flagsCanBeTurnedOff() {
        Tokenizer plain = new Tokenizer(false, false, false);
        assertThat(plain.tokenize("Great film.<br />It's GOOD!")).containsExactly("Great", "film.<br", "/>It's", "GOOD!");
        Tokenizer noSplit = new Tokenizer(true, true, false);
        assertThat(noSplit.tokenize("Great film.<br />It's GOOD!")).containsExactly("great", "film.", "it's", "good!");
    }

    @Test
    void unicodeLettersMarksAndSymbolsAreHandledByCodePoint() {
        assertThat(tokenizer.tokenize("ÉCOLE naïve Cafe\u0301 \uD83D\uDE00\uD83D\uDE00 x\u200By\u00A0z"))
                .containsExactly("école", "naïve", "cafe\u0301", "\uD83D\uDE00\uD83D\uDE00", "x", "y", "z");
    }

    @Test
    void emptyAndBlankTextsHaveNoTokens() {
        assertThat(tokenizer.tokenize("")).isEmpty();
        assertThat(tokenizer.tokenize(" \n\t<br /><br /> ")).isEmpty();
    }

    @Test
    void scanReportsTheSameTokensAsTokenizeWithoutStrings() {
        String text = "It's a <b>really</b> good movie... 10/10!!";
        List<String> scanned = new ArrayList<>();
        int count = tokenizer.scan(text, (chars, offset, length) -> scanned.add(new String(chars, offset, length)));
        assertThat(scanned).isEqualTo(tokenizer.tokenize(text)).hasSize(count);
    }

    @Test
    void veryLongWordsGrowTheBuffer() {
        String word = "a".repeat(1000);
        assertThat(tokenizer.tokenize(word + " b")).containsExactly(word, "b");
    }
}
