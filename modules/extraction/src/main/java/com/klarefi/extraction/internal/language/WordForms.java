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

    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
    private final Map<String, Map<Language, Forms>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Language, Forms>> eldest) {
            return size() > CACHE;
        }
    };

    WordForms(CharArraySet dictionary) {
        for (Language language : Language.values()) {
            analyzers.put(language, analyzer(language, dictionary));
        }
    }

    private static Analyzer analyzer(Language language, CharArraySet dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                if (dictionary != null) {
                    stream = new DictionaryCompoundWordTokenFilter(stream, dictionary, MIN_COMPOUND, MIN_PART, MAX_PART, true);
                }
                return new TokenStreamComponents(source, new SnowballFilter(stream, language.stemmer()));
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
        Map<Language, Forms> forms = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            forms.put(language, analyse(language, word));
        }
        synchronized (cache) {
            cache.put(word, forms);
        }
        return forms;
    }

    /** The folded word, before stemming: how the dictionary of compound parts is spelled. */
    static String fold(String word) {
        char[] input = word.toLowerCase(java.util.Locale.ROOT).toCharArray();
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }

    private Forms analyse(Language language, String word) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzers.get(language).tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tokens.isEmpty()) {
            return new Forms("", List.of());
        }
        return new Forms(tokens.getFirst(), List.copyOf(tokens.subList(1, tokens.size())));
    }
}
