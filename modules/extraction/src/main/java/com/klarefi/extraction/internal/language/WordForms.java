package com.klarefi.extraction.internal.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.SnowballStemmer;

/**
 * The forms of a word in each language, with Lucene's analysis: folded to lower case without
 * accents ({@code ASCIIFoldingFilter}), split into the lexicon's words where it is a compound
 * ("Schadedatum" holds "schade" and "datum"; {@code DictionaryCompoundWordTokenFilter}, then only a
 * segmentation that covers the word), and stemmed by Lucene's Snowball stemmers (called directly:
 * a token stream per word would cost more than the rest of a page). Results are cached: a page
 * repeats its words and a form repeats its labels.
 */
final class WordForms {
    private static final int MIN_COMPOUND = 6;
    private static final int MIN_PART = 3;
    private static final int MAX_PART = 20;
    private static final int CACHE = 20_000;

    /** A word's stem as a whole, and the stems of the lexicon words inside it (none if it is no compound). */
    record Forms(String whole, List<String> parts) {}

    private final Analyzer compounds;
    private final Map<String, Map<Language, Forms>> withParts = lru();
    private final Map<String, Map<Language, Forms>> withoutParts = lru();

    WordForms(CharArraySet dictionary) {
        this.compounds = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(
                        source,
                        new DictionaryCompoundWordTokenFilter(
                                folded, dictionary, MIN_COMPOUND, MIN_PART, MAX_PART, true));
            }
        };
    }

    private static Map<String, Map<Language, Forms>> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<Language, Forms>> eldest) {
                return size() > CACHE;
            }
        };
    }

    /**
     * The word's forms in every language; its compound parts only when asked ({@code compounds}):
     * running text is read word by word without them.
     */
    Map<Language, Forms> of(String word, boolean compounds) {
        Map<String, Map<Language, Forms>> cache = compounds ? withParts : withoutParts;
        synchronized (cache) {
            Map<Language, Forms> known = cache.get(word);
            if (known != null) {
                return known;
            }
        }
        List<String> found = compounds ? tokens(this.compounds, word) : List.of(fold(word));
        String whole = found.isEmpty() ? "" : found.getFirst();
        List<String> parts = found.size() > 1 ? segmentation(whole, found.subList(1, found.size())) : List.of();
        Map<Language, Forms> forms = new EnumMap<>(Language.class);
        Map<Language, SnowballStemmer> stemmers = STEMMERS.get();
        for (Language language : Language.values()) {
            SnowballStemmer stemmer = stemmers.get(language);
            forms.put(
                    language,
                    new Forms(
                            stem(stemmer, whole),
                            parts.stream().map(part -> stem(stemmer, part)).toList()));
        }
        synchronized (cache) {
            cache.put(word, forms);
        }
        return forms;
    }

    /** Snowball's stemmers keep state while they stem: one set per thread. */
    private static final ThreadLocal<Map<Language, SnowballStemmer>> STEMMERS = ThreadLocal.withInitial(() -> {
        Map<Language, SnowballStemmer> stemmers = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            stemmers.put(language, language.stemmer());
        }
        return stemmers;
    });

    private static String stem(SnowballStemmer stemmer, String folded) {
        if (folded.isEmpty()) {
            return folded;
        }
        stemmer.setCurrent(folded);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /**
     * The dictionary words that make up the whole word one after another, allowing a linking "s",
     * "e" or hyphen between them ("ongeval|s|datum"); none when they do not cover it, because a word
     * found inside another by chance ("lieu" in "milieutoeslag") is no part of it.
     */
    static List<String> segmentation(String word, List<String> parts) {
        List<String>[] best = new List[word.length() + 1];
        best[0] = List.of();
        for (int at = 0; at < word.length(); at++) {
            if (best[at] == null) {
                continue;
            }
            for (String part : parts) {
                if (word.startsWith(part, at)) {
                    int next = at + part.length();
                    List<String> path = new ArrayList<>(best[at]);
                    path.add(part);
                    if (best[next] == null || best[next].size() > path.size()) {
                        best[next] = path;
                    }
                    int linked = next + 1;
                    if (linked <= word.length()
                            && next < word.length()
                            && "se-".indexOf(word.charAt(next)) >= 0
                            && (best[linked] == null || best[linked].size() > path.size())) {
                        best[linked] = path;
                    }
                }
            }
        }
        List<String> cover = best[word.length()];
        return cover == null || cover.size() < 2 ? List.of() : List.copyOf(cover);
    }

    /** The folded word, before stemming: how the dictionary of compound parts is spelled. */
    static String fold(String word) {
        char[] input = word.toLowerCase(Locale.ROOT).toCharArray();
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }

    private static List<String> tokens(Analyzer analyzer, String word) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
