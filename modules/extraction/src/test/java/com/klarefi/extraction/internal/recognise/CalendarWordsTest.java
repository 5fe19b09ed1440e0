package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.internal.language.WordAlternation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CalendarWordsTest {
    private static final Set<String> NAMES = new CalendarWords().names();

    /** The date recogniser's shapes: a name alone, and a name that has to leave room for what follows. */
    private static final List<String> SHAPES =
            List.of("(?iuU)(?<![\\p{L}\\d])(%s)\\.?", "(?iuU)(?<![\\p{L}\\d])(%s)\\.?\\s+(\\d{1,2})");

    /** The names one by one, longest first: what the date patterns were written with. */
    private static String oneByOne(Set<String> names) {
        return names.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    @Test
    void findsWhatTheWordsOneByOneFindOnEveryCalendarName() {
        List<String> texts = new ArrayList<>();
        for (String name : NAMES) {
            String title = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            texts.add("op " + name + " 12, " + title + ". 3 en " + name.toUpperCase(Locale.ROOT) + " 2021");
            texts.add(name.substring(0, name.length() - 1) + " 4 x" + name + " " + name + "x 5 " + name + "5");
        }
        assertSameMatches(texts);
    }

    @Test
    void findsWhatTheWordsOneByOneFindInRandomText() {
        Random random = new Random(19);
        List<String> names = List.copyOf(NAMES);
        String noise = " .,0123456789-/aäeéiıİoußMJ\n";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 60) {
                if (random.nextBoolean()) {
                    String name = names.get(random.nextInt(names.size()));
                    text.append(random.nextBoolean() ? name : name.substring(0, 1 + random.nextInt(name.length())));
                } else {
                    text.append(noise.charAt(random.nextInt(noise.length())));
                }
            }
            texts.add(random.nextBoolean() ? text.toString() : text.toString().toUpperCase(Locale.ROOT));
        }
        assertSameMatches(texts);
    }

    private static void assertSameMatches(List<String> texts) {
        for (String shape : SHAPES) {
            Pattern plain = Pattern.compile(shape.formatted(oneByOne(NAMES)));
            Pattern tree = Pattern.compile(shape.formatted(WordAlternation.literal(NAMES)));
            for (String text : texts) {
                assertThat(matches(tree, text)).as(text).isEqualTo(matches(plain, text));
            }
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.start() + "-" + matcher.end() + ":" + matcher.group(1));
        }
        return found;
    }
}
