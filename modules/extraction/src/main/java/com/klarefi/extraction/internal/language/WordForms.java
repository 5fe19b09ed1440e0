package com.klarefi.extraction.internal.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The forms of a word in each language, through Lucene's analysers: folded to lower case without
 * accents, split into the lexicon's words where it is a compound ("Schadedatum" holds "schade" and
 * "datum"), and stemmed by Snowball. Results are cached: a page repeats its words and a form
 * repeats its labels.
 */
final class WordForms {
    private static final int MIN_COMPOUND = 6;
    private static final int MIN_PART = 3;
    private static final int MAX_PART = 20;
    private static final int CACHE = 20_000;

    /** A word's stem as a whole, and the stems of the lexicon words inside it (none if it is no compound). */
    record Forms(String whole, List<String> parts) {
    }

    private final Analyzer compounds;
    private final Map<Language, Analyzer> stemmers = new EnumMap<>(Language.class);
    private final Map<String, Map<Language, Forms>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Language, Forms>> eldest) {
            return size() > CACHE;
        }
    };

    WordForms(CharArraySet dictionary) {
        this.compounds = analyzer(null, dictionary);
        for (Language language : Language.values()) {
            stemmers.put(language, analyzer(language, null));
        }
    }

    /** Folding, then splitting into the dictionary's words (with a dictionary) or stemming (with a language). */
    private static Analyzer analyzer(Language language, CharArraySet dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                if (dictionary != null) {
                    stream = new DictionaryCompoundWordTokenFilter(stream, dictionary, MIN_COMPOUND, MIN_PART, MAX_PART, true);
                }
                if (language != null) {
                    stream = new SnowballFilter(stream, language.stemmer());
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** The word's forms in every language. */
    Map<Language, Forms> of(String word) {
        synchronized (cache) {
            Map<Language, Forms> known = cache.get(word);
            if (known != null) {
                return known;
            }
        }
        List<String> found = tokens(compounds, word);
        String whole = found.isEmpty() ? "" : found.getFirst();
        List<String> parts = found.size() > 1 ? segmentation(whole, found.subList(1, found.size())) : List.of();
        Map<Language, Forms> forms = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Analyzer stemmer = stemmers.get(language);
            forms.put(language, new Forms(whole.isEmpty() ? "" : stem(stemmer, whole),
                    parts.stream().map(part -> stem(stemmer, part)).toList()));
        }
        synchronized (cache) {
            cache.put(word, forms);
        }
        return forms;
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
                    if (linked <= word.length() && next < word.length() && "se-".indexOf(word.charAt(next)) >= 0
                            && (best[linked] == null || best[linked].size() > path.size())) {
                        best[linked] = path;
                    }
                }
            }
        }
        List<String> cover = best[word.length()];
        return cover == null || cover.size() < 2 ? List.of() : List.copyOf(cover);
    }

    private static String stem(Analyzer stemmer, String word) {
        List<String> tokens = tokens(stemmer, word);
        return tokens.isEmpty() ? word : tokens.getFirst();
    }

    /** The folded word, before stemming: how the dictionary of compound parts is spelled. */
    static String fold(String word) {
        char[] input = word.toLowerCase(java.util.Locale.ROOT).toCharArray();
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
