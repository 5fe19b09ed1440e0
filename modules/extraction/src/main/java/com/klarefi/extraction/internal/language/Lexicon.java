package com.klarefi.extraction.internal.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The domain lexicon (lexicon.txt), its abbreviations (abbreviations.txt) and function words
 * (stopwords.txt), read once. Terms are indexed by their stems in their own language, so a page
 * word is looked up by its stem in each language.
 */
public final class Lexicon {
    /**
     * Three-letter words that are parts of compounds ("Unfallort", "KvK-nummer"); other short words
     * ("dag", "uur") end too many words by chance to split them off.
     */
    private static final Set<String> SHORT_PARTS = Set.of("ort", "kvk", "btw", "vat", "tel", "coc");
    /** Declared after what its loading reads. */
    private static final Lexicon STANDARD = load();

    private final Map<String, Concept> concepts;
    private final Map<Language, Map<String, Set<String>>> terms = new EnumMap<>(Language.class);
    /** The concepts of each term by its words as written (folded), whatever the language. */
    private final Map<String, Set<String>> exact = new HashMap<>();

    private final Map<String, List<String>> abbreviations;
    private final Set<String> dottedOnly;
    private final Set<String> stopwords;
    private final WordForms forms;
    private final MeaningReader reader;
    /** The words of the lexicon's terms (four letters or more, and the short parts): a misread word is one of them. */
    private final CharArraySet dictionary;

    private final Misreadings misreadings;

    private Lexicon(
            Map<String, Concept> concepts,
            List<String[]> rawTerms,
            Map<String, List<String>> abbreviations,
            Set<String> dottedOnly,
            Set<String> stopwords) {
        this.concepts = Map.copyOf(concepts);
        this.abbreviations = Map.copyOf(abbreviations);
        this.dottedOnly = Set.copyOf(dottedOnly);
        this.stopwords = Set.copyOf(stopwords);
        CharArraySet dictionary = new CharArraySet(512, true);
        List<String> vocabulary = new ArrayList<>();
        for (String[] term : rawTerms) {
            for (MeaningReader.Word word : MeaningReader.words(term[2])) {
                String folded = foldAbbreviation(word.text());
                if ((folded.length() >= 4 || SHORT_PARTS.contains(folded)) && !stopwords.contains(folded)) {
                    dictionary.add(folded);
                    vocabulary.add(folded);
                }
            }
        }
        this.dictionary = dictionary;
        this.misreadings = new Misreadings(vocabulary);
        this.forms = new WordForms(dictionary);
        this.reader = new MeaningReader(this);
        Map<String, Set<String>> singleWords = new HashMap<>();
        for (String[] term : rawTerms) {
            List<String> words = contentWords(term[2]);
            if (words.size() == 1 && MeaningReader.words(term[2]).size() == 1) {
                singleWords
                        .computeIfAbsent(words.getFirst(), k -> new HashSet<>())
                        .add(term[0]);
            }
        }
        for (String[] term : rawTerms) {
            List<String> words = contentWords(term[2]);
            // "ten name van" without its function words is "name": as a term it would make every
            // "Name" an account holder. A phrase reduced to a word that another concept owns is dropped.
            if (words.size() == 1
                    && MeaningReader.words(term[2]).size() > 1
                    && singleWords.getOrDefault(words.getFirst(), Set.of()).stream()
                            .anyMatch(owner -> !owner.equals(term[0]))) {
                continue;
            }
            if (!words.isEmpty()) {
                exact.computeIfAbsent(String.join(" ", words), k -> new HashSet<>())
                        .add(term[0]);
            }
            Language language = Language.of(term[1]);
            String key = stemKey(language, term[2]);
            if (!key.isEmpty()) {
                terms.computeIfAbsent(language, l -> new HashMap<>())
                        .computeIfAbsent(key, k -> new HashSet<>())
                        .add(term[0]);
            }
        }
    }

    /** The lexicon that ships with the product. */
    public static Lexicon standard() {
        return STANDARD;
    }

    MeaningReader reader() {
        return reader;
    }

    WordForms forms() {
        return forms;
    }

    Concept concept(String id) {
        return concepts.get(id);
    }

    /** The concepts with a term of exactly these words (folded, space-separated), in any language. */
    Set<String> exact(String words) {
        return exact.getOrDefault(words, Set.of());
    }

    /** The concepts whose term in {@code language} has these stems (space-separated). */
    Set<String> lookup(Language language, String stems) {
        return terms.getOrDefault(language, Map.of()).getOrDefault(stems, Set.of());
    }

    /**
     * The contract clause a label names ("Term", "Governing law", "Parties"), or empty: the clause
     * of its concepts when no unit of the label names another clause.
     */
    public String clauseOf(String label) {
        Set<String> clauses = new HashSet<>();
        for (Unit unit : reader.read(label, true).units()) {
            unit.concepts().stream()
                    .map(id -> concepts.get(id).clause())
                    .filter(c -> !c.isEmpty())
                    .forEach(clauses::add);
        }
        return clauses.size() == 1 ? clauses.iterator().next() : "";
    }

    /**
     * The lexicon's word that a word it does not know at all was misread from ({@link Misreadings}):
     * a word of a term, or a word whose stem a term has in some language, is known and stays itself.
     */
    Optional<String> misread(String folded) {
        // most words have no neighbour: that answer is cached, and the checks below are left for the rest
        Optional<String> meant = misreadings.meant(folded);
        if (meant.isEmpty()
                || dictionary.contains(folded)
                || stopwords.contains(folded)
                || !exact(folded).isEmpty()) {
            return Optional.empty();
        }
        for (var form : forms.of(folded, false).entrySet()) {
            if (!lookup(form.getKey(), form.getValue().whole()).isEmpty()) {
                return Optional.empty();
            }
        }
        return meant;
    }

    boolean stopword(String folded) {
        return stopwords.contains(folded);
    }

    /** The expansion of an abbreviation, given whether the page writes a dot after it. */
    List<String> expansion(String folded, boolean dotted) {
        List<String> withDot = abbreviations.get(folded + ".");
        if (dotted && withDot != null) {
            return withDot;
        }
        return dottedOnly.contains(folded) ? null : abbreviations.get(folded);
    }

    private List<String> contentWords(String term) {
        List<String> words = new ArrayList<>();
        for (MeaningReader.Word word : MeaningReader.words(term)) {
            String folded = WordForms.fold(foldAbbreviation(word.text()));
            if (!stopwords.contains(folded)) {
                words.add(folded);
            }
        }
        return words;
    }

    private String stemKey(Language language, String term) {
        List<String> stems = new ArrayList<>();
        for (MeaningReader.Word word : MeaningReader.words(term)) {
            String folded = foldAbbreviation(word.text());
            if (!stopwords.contains(folded)) {
                stems.add(forms.of(folded, false).get(language).whole());
            }
        }
        return String.join(" ", stems);
    }

    private static Lexicon load() {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        List<String[]> terms = new ArrayList<>();
        String current = null;
        for (String line : lines("lexicon.txt")) {
            String[] fields = line.strip().split("\\s+");
            if (fields[0].equals("concept")) {
                current = fields[1];
                concepts.put(current, concept(current, Arrays.asList(fields).subList(2, fields.length)));
            } else {
                int colon = line.indexOf(':');
                String language = line.substring(0, colon).strip();
                for (String term : line.substring(colon + 1).split(",")) {
                    if (!term.isBlank()) {
                        terms.add(new String[] {current, language, term.strip()});
                    }
                }
            }
        }
        Map<String, List<String>> abbreviations = new HashMap<>();
        Set<String> dottedOnly = new HashSet<>();
        for (String line : lines("abbreviations.txt")) {
            int space = line.indexOf(' ');
            String abbreviation = foldAbbreviation(line.substring(0, space));
            abbreviations.put(
                    abbreviation, List.of(line.substring(space + 1).strip().split("\\s+")));
            if (abbreviation.endsWith(".")) {
                dottedOnly.add(abbreviation.substring(0, abbreviation.length() - 1));
            }
        }
        abbreviations.keySet().stream().filter(a -> !a.endsWith(".")).forEach(dottedOnly::remove);
        Set<String> stopwords = new HashSet<>();
        lines("stopwords.txt")
                .forEach(line -> stopwords.addAll(List.of(line.strip().split("\\s+"))));
        return new Lexicon(concepts, terms, abbreviations, dottedOnly, stopwords);
    }

    /** "Tel.nr." is looked up as "telnr." : inner dots and hyphens go, a final dot stays. */
    static String foldAbbreviation(String abbreviation) {
        boolean dotted = abbreviation.endsWith(".");
        String inner = WordForms.fold(dotted ? abbreviation.substring(0, abbreviation.length() - 1) : abbreviation)
                .replaceAll("[.\\-]", "");
        return dotted ? inner + "." : inner;
    }

    private static Concept concept(String id, List<String> roles) {
        Set<String> types = new HashSet<>();
        Set<String> implies = new HashSet<>();
        String clause = "";
        String format = "";
        for (String role : roles) {
            if (role.startsWith("format=")) {
                format = role.substring(7);
            }
            if (role.startsWith("type=")) {
                types.addAll(List.of(role.substring(5).split(",")));
            } else if (role.startsWith("implies=")) {
                implies.addAll(List.of(role.substring(8).split(",")));
            } else if (role.startsWith("clause=")) {
                clause = role.substring(7);
            }
        }
        return new Concept(
                id,
                types,
                roles.contains("generic"),
                roles.contains("qualifier"),
                roles.contains("distinct"),
                roles.contains("distinct") || roles.contains("party"),
                roles.contains("document"),
                roles.contains("context"),
                implies,
                clause,
                roles.contains("issuer"),
                roles.contains("block"),
                format,
                roles.contains("includes"),
                roles.contains("sum"),
                roles.contains("owner"));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
