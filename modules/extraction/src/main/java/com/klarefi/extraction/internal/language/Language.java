package com.klarefi.extraction.internal.language;

import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;

/** The languages the lexicon knows, each with its Snowball stemmer. */
enum Language {
    NL("nl", DutchStemmer::new),
    EN("en", EnglishStemmer::new),
    DE("de", GermanStemmer::new),
    FR("fr", FrenchStemmer::new);

    private final String code;
    private final Supplier<SnowballStemmer> stemmer;

    Language(String code, Supplier<SnowballStemmer> stemmer) {
        this.code = code;
        this.stemmer = stemmer;
    }

    String code() {
        return code;
    }

    SnowballStemmer stemmer() {
        return stemmer.get();
    }

    static Language of(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language " + code);
    }
}
