package com.klarefi.extraction.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhraseIndexTest {
    private static final String WORD_START = "(?iu)(?<![\\p{L}\\d])";

    @Test
    void offersOnlyIndexesWhoseCharacterStartsSomePhraseInAnyCase() {
        PhraseIndex index = index("naam", "état civil");

        assertThat(starts(index, "x Naam: ÉTAT, état")).containsExactly(2, 8, 14);
    }

    @Test
    void comparesCharactersAsACaseInsensitiveUnicodePatternDoes() {
        // U+017F (long s) upper-cases to S, so a case-insensitive Unicode pattern matches it to "s".
        PhraseIndex index = index("schade");

        assertThat(starts(index, "\u017Fchade Schade")).containsExactly(0, 7);
        assertThat(matched(index, "\u017Fchade", 0)).isEqualTo("\u017Fchade");
    }

    @Test
    void matchesTheLongestPhraseThatStartsThere() {
        PhraseIndex index = index("datum", "naam", "datum van schade");

        assertThat(matched(index, "Datum  van schade: 1 mei", 0)).isEqualTo("Datum  van schade");
        assertThat(matched(index, "Datum: 1 mei", 0)).isEqualTo("Datum");
    }

    @Test
    void keepsThePrefixLookBehindAcrossTheStartIndex() {
        PhraseIndex index = index("naam");

        assertThat(index.matchAt("voornaam", 4)).isNull();
        assertThat(matched(index, "1 naam", 2)).isEqualTo("naam");
    }

    @Test
    void givesTheSameHitsAsTheWholeAlternationSearchedEverywhere() {
        List<String> phrases = List.of("kenteken tegenpartij", "kenteken", "naam", "iban", "état");
        String text = "Kenteken  Tegenpartij: AB-12-CD\nnaam:\u00a0Jan, IBAN NL00; ÉTAT kentekenbewijs voornaam";
        Pattern whole = Pattern.compile(WORD_START + "(?:"
                + String.join("|", phrases.stream().map(PhraseIndexTest::regex).toList()) + ")");
        List<String> expected = new ArrayList<>();
        for (Matcher matcher = whole.matcher(text); matcher.find(); ) {
            expected.add(matcher.start() + ":" + matcher.group());
        }
        PhraseIndex index = new PhraseIndex(phrases, WORD_START);
        List<String> actual = new ArrayList<>();
        for (int at = index.next(text, 0); at >= 0; ) {
            Matcher matcher = index.matchAt(text, at);
            if (matcher != null) {
                actual.add(at + ":" + matcher.group());
            }
            at = index.next(text, matcher == null ? at + 1 : matcher.end());
        }

        assertThat(actual).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void givesTheSameHitsAsTheLabelsOneByOneLongestFirstInRandomText() {
        List<String> phrases = new ArrayList<>();
        ContextVocabulary.LABELS.forEach(label -> phrases.add(LabelFinder.key(label)));
        ContextVocabulary.SIGNING.forEach(label -> phrases.add(LabelFinder.key(label)));
        List<String> distinct = phrases.stream().distinct().toList();
        Pattern whole = Pattern.compile(WORD_START + "(?:"
                + String.join(
                        "|",
                        distinct.stream()
                                .sorted(Comparator.comparingInt(String::length).reversed())
                                .map(PhraseIndexTest::regex)
                                .toList())
                + ")");
        PhraseIndex index = new PhraseIndex(distinct, WORD_START);
        Random random = new Random(19);
        String noise = " \t\n.:;,-/()0123456789aeßıİ\u017F\u00a0";
        for (int i = 0; i < 1_000; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 80) {
                if (random.nextBoolean()) {
                    String phrase = distinct.get(random.nextInt(distinct.size()));
                    String part =
                            random.nextBoolean() ? phrase : phrase.substring(0, 1 + random.nextInt(phrase.length()));
                    text.append(random.nextBoolean() ? part.replace(" ", "  \n") : part.toUpperCase(Locale.ROOT));
                } else {
                    text.append(noise.charAt(random.nextInt(noise.length())));
                }
            }
            for (int at = 0; at < text.length(); at++) {
                Matcher expected =
                        whole.matcher(text).useTransparentBounds(true).region(at, text.length());
                Matcher actual = index.matchAt(text.toString(), at);
                String wanted = expected.lookingAt() ? expected.group() : null;
                assertThat(actual == null ? null : actual.group())
                        .as(text + " at " + at)
                        .isEqualTo(wanted);
            }
        }
    }

    @Test
    void anEmptyPhraseOrOneStartingOutsideTheBasicPlaneMayStartAnywhere() {
        assertThat(starts(index("naam", ""), "abc")).containsExactly(0, 1, 2);
        assertThat(starts(index("\uD835\uDC00bc"), "xy")).containsExactly(0, 1);
    }

    @Test
    void answersMinusOneWhenNothingIsLeft() {
        assertThat(index("naam").next("geldig bedrag", 0)).isEqualTo(-1);
        assertThat(index("naam").next("naam", 4)).isEqualTo(-1);
    }

    private static PhraseIndex index(String... phrases) {
        return new PhraseIndex(List.of(phrases), WORD_START);
    }

    private static String regex(String phrase) {
        return String.join(
                "\\s+", Arrays.stream(phrase.split(" ")).map(Pattern::quote).toList());
    }

    private static String matched(PhraseIndex index, String text, int at) {
        Matcher matcher = index.matchAt(text, at);
        return matcher == null ? null : matcher.group();
    }

    private static List<Integer> starts(PhraseIndex index, String text) {
        List<Integer> indexes = new ArrayList<>();
        for (int at = index.next(text, 0); at >= 0; at = index.next(text, at + 1)) {
            indexes.add(at);
        }
        return indexes;
    }
}
