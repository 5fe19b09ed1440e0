package com.klarefi.extraction.internal.layout;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.internal.language.FeatureMatcher;
import com.klarefi.extraction.internal.language.Lexicon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the labels of a case type's features and of the context vocabulary in page text: whole
 * words, any case, any whitespace between words. Among the labels of one feature type and the
 * context vocabulary the longest wins ("Date of birth" over "Date"); identical labels of several
 * features label all of them, and a feature's label wins over the same words in the context
 * vocabulary.
 */
public final class LabelFinder {
    private static final Pattern EMAIL_HEADER = Pattern.compile(
            "(?im)^(from|to|cc|date|sent|subject|van|aan|verzonden|datum|onderwerp|von|an|betreff|gesendet|de|à|objet|envoyé)\\s*:");
    private static final Set<String> SENDER_HEADERS = Set.of("from", "van", "von", "de");
    /** Labels this short are ordinary words in lower case ("van", "to"): they match only as written. */
    private static final int SHORT_LABEL = 4;
    /** Lower-case words that qualify a label within its cell: "Naam verzekerde", "Datum vertrek". */
    private static final Pattern LOWER_QUALIFIER = Pattern.compile("(?:\\s+\\p{Ll}[\\p{L}.'/-]*){1,3}[:.]?\\s*");

    /** Features of one type whose similarities lie this close share a key, as an identical label would. */
    private static final double TIE = 0.02;
    /** A document's title stands in its first lines, in a few words. */
    private static final int TITLE_LINES = 12;

    private static final int TITLE_WORDS = 3;

    private final List<Group> groups = new ArrayList<>();
    private final Set<String> shortSpellings = new HashSet<>();
    private final FeatureMatcher matcher;

    /** The labels of the features of one type, with the context vocabulary. */
    private record Group(PhraseIndex phrases, Map<String, Set<String>> owners, Set<String> features) {}

    /** A key of the page and what it names by meaning; in a party table, in one party's column. */
    private record KeyMatch(
            int start, int end, FeatureMatcher.KeyMatch match, Optional<LabelHit.Column> column, boolean qualified) {
        KeyMatch(int start, int end, FeatureMatcher.KeyMatch match) {
            this(start, end, match, Optional.empty(), false);
        }
    }

    private record Place(int start, int end, Optional<LabelHit.Column> column) {}

    /** Whether every label of a feature names the document's issuer (see {@link FeatureMatcher#namesIssuer}). */
    public boolean namesIssuer(String featureId) {
        return matcher.namesIssuer(featureId);
    }

    /** Whether every label of a feature names a bill's total (see {@link FeatureMatcher#namesSum}). */
    public boolean namesSum(String featureId) {
        return matcher.namesSum(featureId);
    }

    /** Whether a text introduces the issuer's owner (see {@link FeatureMatcher#namesOwner}). */
    public boolean namesOwner(String text) {
        return matcher.namesOwner(text);
    }

    /** Whether a text names a kind of document ("Tax Invoice"), as a title does. */
    public boolean namesDocument(String text) {
        return matcher.namesDocument(text);
    }

    /** Whether a feature is the main party's: its labels single out no other party (see {@link FeatureMatcher#mainParty}). */
    public boolean mainParty(String featureId) {
        return matcher.mainParty(featureId);
    }

    public LabelFinder(CaseType caseType) {
        this(caseType, Lexicon.standard());
    }

    public LabelFinder(CaseType caseType, Lexicon lexicon) {
        Map<FeatureType, List<FeatureDefinition>> byType = new EnumMap<>(FeatureType.class);
        caseType.features()
                .forEach(f ->
                        byType.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f));
        byType.values().forEach(features -> groups.add(group(features)));
        this.matcher = new FeatureMatcher(caseType, lexicon);
    }

    private Group group(List<FeatureDefinition> features) {
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        for (FeatureDefinition feature : features) {
            for (String label : feature.allLabels()) {
                byKey.computeIfAbsent(key(label), k -> new HashSet<>()).add(feature.id());
                rememberSpelling(label);
            }
        }
        ContextVocabulary.LABELS.forEach(label -> {
            byKey.putIfAbsent(key(label), new HashSet<>());
            rememberSpelling(label);
        });
        ContextVocabulary.SIGNING.forEach(label -> byKey.putIfAbsent(key(label), new HashSet<>()));
        List<String> phrases = List.copyOf(byKey.keySet());
        return new Group(
                new PhraseIndex(phrases, "(?iu)(?<![\\p{L}\\d])"),
                byKey,
                features.stream().map(FeatureDefinition::id).collect(Collectors.toSet()));
    }

    /**
     * Label hits of a page in text order. Labels of features of one type do not overlap (the
     * longest wins, so "Kenteken tegenpartij" hides "Kenteken"); labels of different types may,
     * because they never compete for a value.
     */
    public List<LabelHit> find(PageLayout layout) {
        List<KeyMatch> keys = keyMatches(layout);
        Map<Place, LabelHit> byPlace = new LinkedHashMap<>();
        for (Group group : groups) {
            for (LabelHit hit : byMeaning(find(layout, group), keys, group)) {
                byPlace.merge(new Place(hit.start(), hit.end(), hit.column()), hit, LabelHit::merge);
            }
        }
        List<LabelHit> hits = new ArrayList<>(byPlace.values());
        hits.sort(Comparator.comparingInt(LabelHit::start).thenComparingInt(LabelHit::end));
        return withEmailHeaders(layout.text(), hits);
    }

    /** The page's keys (see {@link Keys}) and the words of its sentences, with what they name. */
    private List<KeyMatch> keyMatches(PageLayout layout) {
        String text = layout.text();
        List<KeyMatch> matches = new ArrayList<>();
        int[] title = title(layout);
        String titleText = title == null ? "" : text.substring(title[0], title[1]);
        for (Keys.Key key : Keys.of(layout)) {
            String keyText = text.substring(key.start(), key.end());
            if (key.sentence()) {
                for (FeatureMatcher.Phrase phrase : matcher.prose(keyText)) {
                    matches.add(new KeyMatch(key.start() + phrase.start(), key.start() + phrase.end(), phrase.match()));
                }
            } else {
                String heading = key.underHeading() ? text.substring(key.headingStart(), key.headingEnd()) : "";
                // under a heading that names a party ("Tegenpartij", "Vehicle B") a key is that party's
                boolean qualified = matcher.namesParty(heading)
                        && !matcher.namesParty(keyText)
                        && !matcher.key(keyText).isEmpty();
                boolean isTitle = title != null && key.start() < title[1] && key.end() > title[0];
                FeatureMatcher.KeyMatch match = matcher.key(
                        qualified ? keyText + " " + heading : keyText, isTitle || !key.field() ? "" : titleText);
                if (!qualified && key.field() && !heading.isEmpty()) {
                    // a section's heading says what its keys leave open: "Town/city" under "Incident details"
                    match = match.with(matcher.key(keyText, heading));
                }
                if (!match.isEmpty()) {
                    matches.add(new KeyMatch(key.start(), key.end(), match, Optional.empty(), qualified));
                }
            }
        }
        for (PartyTables.ColumnKey key : PartyTables.of(layout, matcher)) {
            FeatureMatcher.KeyMatch match = matcher.key(key.text());
            if (!key.otherParty()) {
                // the main party's column: not the other party's value, though the key names its kind
                Map<String, Double> main = new HashMap<>(match.features());
                main.keySet().removeIf(feature -> !matcher.mainParty(feature));
                match = new FeatureMatcher.KeyMatch(main, match.context());
            }
            if (!match.isEmpty()) {
                matches.add(new KeyMatch(key.start(), key.end(), match, Optional.of(key.column()), true));
            }
        }
        return matches;
    }

    /**
     * The page's title, when one of its first lines is a short cell of words naming a kind of
     * document ("Factuur", "Invoice"): {start, end}, or null.
     */
    private int[] title(PageLayout layout) {
        String text = layout.text();
        for (Line line :
                layout.lines().subList(0, Math.min(TITLE_LINES, layout.lines().size()))) {
            for (Cell cell : line.cells()) {
                // on OCR pages a visual row's cell may end before it starts in the text
                String words = Associations.slice(text, cell.start(), cell.end());
                if (cell.tokens().size() <= TITLE_WORDS
                        && words.chars().noneMatch(Character::isDigit)
                        && matcher.namesDocument(words)) {
                    return new int[] {cell.start(), cell.end()};
                }
            }
        }
        return null;
    }

    /**
     * The exact labels of a group with the keys that name its features by meaning. A key names the
     * group's features of the best similarity (near ties share it), or labels context when its
     * context concept is stronger. Where a key and an exact label overlap, the exact label stands,
     * unless the key is longer and names other features ("Kenteken wederpartij" around "Kenteken").
     */
    private static List<LabelHit> byMeaning(List<LabelHit> exact, List<KeyMatch> keys, Group group) {
        List<LabelHit> result = new ArrayList<>(exact);
        for (KeyMatch key : keys) {
            Map<String, Double> inGroup = new HashMap<>();
            key.match().features().forEach((feature, similarity) -> {
                if (group.features().contains(feature)) {
                    inGroup.put(feature, similarity);
                }
            });
            double best = inGroup.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(0);
            LabelHit hit;
            if (key.match().context() > best) {
                hit = new LabelHit(key.start(), key.end(), Map.of(), key.match().context());
            } else if (best > 0) {
                inGroup.values().removeIf(similarity -> similarity < best - TIE);
                hit = new LabelHit(key.start(), key.end(), inGroup, 0, key.column());
            } else {
                continue;
            }
            if (key.column().isPresent()) {
                // a party table's row key names each column's value as that party's, not as one label
                result.removeIf(
                        other -> other.column().isEmpty() && other.start() < hit.end() && other.end() > hit.start());
                result.add(hit);
                continue;
            }
            List<LabelHit> overlapping = exact.stream()
                    .filter(other -> other.start() < hit.end() && other.end() > hit.start())
                    .toList();
            // a key read with its section's party is longer than its words: "Kenteken" under "Tegenpartij"
            boolean replaces = overlapping.stream()
                    .allMatch(other -> (other.length() < hit.length() || key.qualified()) && !sameMeaning(hit, other));
            // a key that holds exact labels of the same meaning and fills its cell ("Bank account (IBAN)")
            boolean holds = overlapping.stream()
                    .allMatch(other -> other.start() >= hit.start()
                            && other.end() <= hit.end()
                            && other.length() < hit.length()
                            && sameMeaning(hit, other));
            if (overlapping.isEmpty() || replaces) {
                result.removeAll(overlapping);
                result.add(hit);
            } else if (holds) {
                result.removeAll(overlapping);
                result.add(overlapping.stream().reduce(hit, LabelHit::merge));
            } else {
                // the same words as an exact label: it also names what they mean ("Kenteken" the other party's plate
                // too)
                overlapping.stream()
                        .filter(other -> other.start() == hit.start()
                                && other.end() == hit.end()
                                && other.context() == hit.context())
                        .findFirst()
                        .ifPresent(other -> {
                            result.remove(other);
                            result.add(other.merge(hit));
                        });
            }
        }
        result.sort(Comparator.comparingInt(LabelHit::start));
        return result;
    }

    private List<LabelHit> find(PageLayout layout, Group group) {
        String text = layout.text();
        List<LabelHit> hits = new ArrayList<>();
        int from = 0;
        while ((from = group.phrases().next(text, from)) >= 0) {
            if (from > 0 && insideWord(text.charAt(from - 1))) {
                // the phrases' look-behind refuses this place anyway: skip the regular expression
                from++;
                continue;
            }
            Matcher matcher = group.phrases().matchAt(text, from);
            if (matcher == null) {
                from++;
                continue;
            }
            int end = matcher.end();
            String matched = text.substring(matcher.start(), end);
            char last = matched.charAt(matched.length() - 1);
            boolean wordEnd = end >= text.length()
                    || !Character.isLetterOrDigit(last)
                    || !Character.isLetterOrDigit(text.charAt(end));
            boolean oneCell = layout.cellAt(matcher.start()).equals(layout.cellAt(end - 1));
            if (wordEnd && oneCell && (letters(matched) > SHORT_LABEL || shortLabelHere(layout, matched, end))) {
                hits.add(new LabelHit(matcher.start(), end, group.owners().getOrDefault(key(matched), Set.of())));
                from = end;
            } else {
                from = matcher.start() + 1;
            }
        }
        return hits;
    }

    /** A character the phrases' look-behind {@code (?<![\p{L}\d])} refuses before a label. */
    private static boolean insideWord(char before) {
        return Character.isLetter(before) || before >= '0' && before <= '9';
    }

    /**
     * In an e-mail's header lines the date is when it was sent and the subject is no label: only
     * sender and recipient headers keep their feature labels. The sender header names the main
     * party's name and address even where the case type has no label for it.
     */
    private List<LabelHit> withEmailHeaders(String text, List<LabelHit> hits) {
        int blockEnd = text.indexOf("\n\n");
        Matcher header = EMAIL_HEADER.matcher(text).region(0, blockEnd < 0 ? text.length() : blockEnd);
        List<LabelHit> result = new ArrayList<>(hits);
        int headers = 0;
        while (header.find()) {
            headers++;
            String name = header.group(1).toLowerCase(Locale.ROOT);
            int start = header.start(1);
            int end = header.end(1);
            if (!SENDER_HEADERS.contains(name)) {
                result.removeIf(hit -> hit.start() < end && hit.end() > start);
                result.add(new LabelHit(start, end, Set.of()));
            } else if (result.stream().noneMatch(hit -> hit.start() < end && hit.end() > start)) {
                Map<String, Double> sender = matcher.sender();
                if (!sender.isEmpty()) {
                    result.add(new LabelHit(start, end, sender, 0));
                }
            }
        }
        if (headers < 2) {
            return hits;
        }
        result.sort(Comparator.comparingInt(LabelHit::start));
        return result;
    }

    /** Both label context, or the key names at least the features the other label names. */
    private static boolean sameMeaning(LabelHit key, LabelHit other) {
        return key.context() == other.context() && key.features().containsAll(other.features());
    }

    private void rememberSpelling(String label) {
        if (letters(label) <= SHORT_LABEL) {
            shortSpellings.add(label.strip());
        }
    }

    /**
     * A short label is taken only as written and where it reads as a label: an acronym ("IBAN"),
     * or followed by a colon, a number, the end of its cell or lower-case words that end it. "Van" heads an e-mail header or a
     * date range, but not the name "Van Leeuwen".
     */
    private boolean shortLabelHere(PageLayout layout, String matched, int end) {
        if (!shortSpellings.contains(matched)) {
            return false;
        }
        if (matched.equals(matched.toUpperCase(Locale.ROOT)) && letters(matched) > 1) {
            return true;
        }
        String text = layout.text();
        int next = end;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        if (next >= text.length()
                || text.charAt(next) == ':'
                || Character.isDigit(text.charAt(next))
                || text.charAt(next) == '\n') {
            return true;
        }
        return layout.cellAt(end - 1)
                .map(cell -> cell.end() <= end
                        || LOWER_QUALIFIER
                                .matcher(text.substring(end, cell.end()))
                                .matches())
                .orElse(false);
    }

    private static long letters(String label) {
        return label.chars().filter(Character::isLetter).count();
    }

    static String key(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    static boolean signing(String word) {
        return ContextVocabulary.SIGNING.stream().anyMatch(sign -> sign.equalsIgnoreCase(word));
    }
}
