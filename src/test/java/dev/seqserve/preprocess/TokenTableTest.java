package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The token table finds every key by its own id whatever its length or characters (any UTF-16 unit),
 * whether the key is held in its slot or in the pool, from a string or from inside a character buffer, and
 * nothing else: not a prefix, an extension, a key that differs only in its last character or one with
 * the same hash.
 */
class TokenTableTest {

    @Test
    void everyKeyIsFoundWithItsIdAndNearMissesAreNot() {
        Random random = new Random(7);
        List<String> tokens = new ArrayList<>(List.of("<pad>", "<oov>"));
        for (int i = 0; i < 5_000; i++) {
            int length = 1 + random.nextInt(20);
            StringBuilder token = new StringBuilder();
            for (int c = 0; c < length; c++) {
                token.append(random.nextInt(4) == 0 ? (char) (0x80 + random.nextInt(0xFF00)) : (char) ('a' + random.nextInt(26)));
            }
            if (!tokens.contains(token.toString())) {
                tokens.add(token.toString());
            }
        }
        // Beside the random keys: eight characters (the most held in a slot) and nine; characters at the
        // edges of what a slot holds (0, 255, 256); and keys with equal String hashes, short and long.
        tokens.addAll(List.of("abcdefgh", "abcdefghi", "abcdefghj", "\uffff\u8000", "a\u0000b", "\u00ff\u00ff",
                "\u00ff\u0100", "Aa", "BB", "AaAaAaAaAa", "BBBBBBBBBB", "AaAaAaAa", "BBBBBBBB"));
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat("AaAaAaAaAa".hashCode()).isEqualTo("BBBBBBBBBB".hashCode());
        TokenTable table = new TokenTable(tokens, 2);

        for (int id = 2; id < tokens.size(); id++) {
            String token = tokens.get(id);
            assertThat(table.find(token, -1)).as(token).isEqualTo(id);
            char[] padded = ("xy" + token + "z").toCharArray();
            assertThat(table.find(padded, 2, token.length(), -1)).as("%s inside a buffer", token).isEqualTo(id);
            if (!tokens.contains(token + "q")) {
                assertThat(table.find(token + "q", -1)).as("%s extended", token).isEqualTo(-1);
            }
            if (token.length() > 1 && !tokens.contains(token.substring(0, token.length() - 1))) {
                assertThat(table.find(token.substring(0, token.length() - 1), -1)).as("%s cut", token).isEqualTo(-1);
            }
        }
        assertThat(table.find("abcdefghk", -1)).as("differs only in its last character").isEqualTo(-1);
        assertThat(table.find("abcdefgi", -1)).as("eight characters, the last different").isEqualTo(-1);
        assertThat(table.find("a\u0000", -1)).as("a prefix ending in character 0").isEqualTo(-1);
        assertThat(table.find("AaBB", -1)).as("same hash as keys of the table").isEqualTo(-1);
        assertThat(table.find("AaAaAaBBBB", -1)).as("same hash as pooled keys").isEqualTo(-1);
        assertThat(table.find("<pad>", -1)).as("ids below the first are never found").isEqualTo(-1);
    }
}
