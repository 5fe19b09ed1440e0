package com.klarefi.extraction.internal;

import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.Evidence;
import com.klarefi.extraction.api.EvidenceLocation;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.Role;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.internal.contract.Clause;
import com.klarefi.extraction.internal.contract.Contract;
import com.klarefi.extraction.internal.contract.ContractReader;
import com.klarefi.extraction.internal.contract.Statement;
import com.klarefi.extraction.internal.decide.Clue;
import com.klarefi.extraction.internal.decide.Sighting;
import com.klarefi.extraction.internal.decide.StableIds;
import com.klarefi.extraction.internal.layout.Associations;
import com.klarefi.extraction.internal.layout.LabelFinder;
import com.klarefi.extraction.internal.layout.LabelHit;
import com.klarefi.extraction.internal.layout.PageLayout;
import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recogniser;
import com.klarefi.extraction.internal.recognise.Recognisers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads one page for all features of a case type. */
final class PageReader {
    /** A label that loses to a closer label keeps this share of its strength. */
    private static final double DOMINATED = 0.3;

    private static final double MARGIN = 0.05;
    /** A value in a letterhead or footer keeps this share: it is likely the publisher's, not the case's. */
    private static final double LETTERHEAD = 0.5;
    /** A chamber of commerce number in a footer: the publisher's, and a business is what it identifies. */
    private static final double FOOTER_KVK = 0.9;
    /** A value in an insurer's margin: the claim's recipient, no party. */
    private static final double INSURER = 0.3;
    /**
     * The support of a distinctive value that no label names (an IBAN alone on a later page): enough
     * to be a candidate; the decider and the ranker say whether it is more (see {@link Clue#UNLABELLED}).
     */
    private static final double UNLABELLED = 0.2;
    /**
     * The support of the name a document is addressed to, for a recipient's feature or the main
     * party's name where no label names one: a candidate; the ranker says whether it is more.
     */
    private static final double ADDRESSEE = 0.4;
    /**
     * The support of an amount no label names beside it but that the page's arithmetic makes a total,
     * on a page where a label of the feature stands, or for a feature whose labels all mean a bill's
     * total: a candidate; the ranker says whether it is more.
     */
    private static final double TALLIED = 0.3;
    /** A name after a cue that it owns the issuer ("Owned by") keeps this share of its support from the header. */
    private static final double OWNER = 0.5;

    /** A document's title is a few words ("Tax Invoice", "Guest check"). */
    private static final int TITLE_WORDS = 3;

    /**
     * What ends a key after words that started it: a colon, perhaps after one or two abbreviations
     * ("Reg. No. :", "No.:"). A name before "Tel:" stays a name.
     */
    private static final Pattern KEY_REST = Pattern.compile("[ \t]*(?:\\p{L}{1,4}\\.[ \t]*){0,2}:");

    /**
     * Types whose values say by themselves what they are, so that one may stand without a label. A
     * chamber of commerce number is eight digits, as a claim or policy number may be: not one of them.
     */
    private static final Set<FeatureType> DISTINCTIVE =
            java.util.EnumSet.of(FeatureType.IBAN, FeatureType.EMAIL, FeatureType.LICENSE_PLATE, FeatureType.PHONE);

    private final CaseType caseType;
    private final Recognisers recognisers;
    private final String docId;
    private final PageLayer page;
    private final PageLayout layout;
    private final Associations associations;
    private final LabelFinder labels;
    private final Map<Recogniser, List<Match>> scanned = new IdentityHashMap<>();
    private final Map<Recogniser, List<Match>> addressees = new IdentityHashMap<>();
    /** Per recogniser of amounts, the starts of the amounts the page's arithmetic makes a total. */
    private final Map<Recogniser, Set<Integer>> tallies = new IdentityHashMap<>();

    private final Placement placement;
    /** Values (start to end) a cue's sentence ties to a list feature through a joining word. */
    private final Map<Integer, Integer> tiedByCue = new HashMap<>();
    /** Per feature type, the labels that may name its values: asked for every value of every feature. */
    private final Map<FeatureType, List<LabelHit>> relevantHits = new EnumMap<>(FeatureType.class);

    /** A value a label names in a contract whose structure states nothing of its clause: review at most. */
    private static final double LABEL_IN_CONTRACT = 0.5;

    /** The contract clauses the case type's features read, and what the document's structure states. */
    record Structure(Map<String, Clause> clauses, Contract contract) {
        static final Structure NONE = new Structure(Map.of(), Contract.none());
    }

    private final Structure structure;

    PageReader(CaseType caseType, Recognisers recognisers, LabelFinder labels, String docId, PageLayer page) {
        this(caseType, recognisers, labels, docId, page, Structure.NONE);
    }

    PageReader(
            CaseType caseType,
            Recognisers recognisers,
            LabelFinder labels,
            String docId,
            PageLayer page,
            Structure structure) {
        this.structure = structure;
        this.caseType = caseType;
        this.recognisers = recognisers;
        this.docId = docId;
        this.page = page;
        this.layout = PageLayout.of(page);
        this.labels = labels;
        this.associations = new Associations(layout, labels.find(layout));
        this.placement = new Placement(page.text(), page.index() == 0);
    }

    Map<String, List<Sighting>> read() {
        Map<String, List<Sighting>> result = new LinkedHashMap<>();
        for (FeatureDefinition feature : caseType.features()) {
            result.put(feature.id(), sightings(feature));
        }
        return result;
    }

    private List<Sighting> sightings(FeatureDefinition feature) {
        tiedByCue.clear();
        boolean namesIssuer = labels.namesIssuer(feature.id());
        Recogniser recogniser = recognisers.forFeature(feature, namesIssuer);
        List<Match> values = new ArrayList<>(scanned.computeIfAbsent(recogniser, r -> r.scan(page.text())));
        Set<Integer> tallied = feature.type() == FeatureType.MONEY
                ? tallies.computeIfAbsent(recogniser, r -> Tallies.of(page.text(), scanned.get(r)))
                : Set.of();
        if (recogniser.anchored()) {
            values.addAll(anchoredValues(feature, recogniser));
            placement.zoneValues(feature, recogniser).stream()
                    .filter(value ->
                            values.stream().noneMatch(v -> v.start() == value.start() && v.end() == value.end()))
                    .forEach(values::add);
        }
        Set<String> rivals = caseType.features().stream()
                .filter(other -> other.type() == feature.type())
                .map(FeatureDefinition::id)
                .collect(Collectors.toSet());
        boolean mayStandAlone = standsAlone(feature, rivals);
        List<Match> addressed = addressedTo(feature, rivals)
                ? addressees.computeIfAbsent(recogniser, r -> Addressees.names(page.text(), layout, r))
                : List.of();
        addressed.stream()
                .filter(name -> values.stream().noneMatch(v -> v.start() == name.start() && v.end() == name.end()))
                .forEach(values::add);
        if (feature.type() == FeatureType.TEXT || feature.type() == FeatureType.ORGANIZATION_NAME) {
            values.removeIf(this::keyOrTitle);
        }
        if (namesIssuer) {
            // the issuer's name stands above its address, never inside it ("KAWASAN PERINDUSTRIAN BALAKONG")
            List<Match> blocks = scanned.computeIfAbsent(recognisers.addressBlocks(), r -> r.scan(page.text()));
            values.removeIf(value -> value.strength() < 1
                    && blocks.stream().anyMatch(block -> block.start() < value.end() && value.start() < block.end()));
        }
        List<Sighting> sightings = new ArrayList<>();
        for (Match value : values) {
            double[] clues = Clue.none();
            boolean cue = tiedByCue.getOrDefault(value.start(), -1) == value.end();
            double tied = cue ? ProseCues.JOINED * value.strength() : 0;
            double zone = placement.support(feature, value);
            if (namesIssuer && zone > 0 && ownedBy(value)) {
                // "Owned By:" over "ACME SUPPLY SDN BHD": the owner's name, not the one the issuer trades under
                zone *= OWNER;
            }
            boolean tally = tallied.contains(value.start());
            set(clues, Clue.TALLY, tally ? 1 : 0);
            double byLabels = support(feature, rivals, value, tally, clues);
            if (mayStandAlone && byLabels == 0 && zone == 0 && !cue && unlabelled(clues) && standsApart(value)) {
                byLabels = UNLABELLED * clues[Clue.PLACE.ordinal()] * value.strength();
                set(clues, Clue.UNLABELLED, 1);
            }
            if (byLabels == 0
                    && zone == 0
                    && !cue
                    && unlabelled(clues)
                    && addressed.stream()
                            .anyMatch(name -> name.start() == value.start() && name.end() == value.end())) {
                byLabels = ADDRESSEE * value.strength();
                set(clues, Clue.ADDRESSEE, 1);
            }
            if (tally
                    && byLabels == 0
                    && zone == 0
                    && !cue
                    && clues[Clue.RIVAL_LABEL.ordinal()] == 0
                    && clues[Clue.CONTEXT_SENTENCE.ordinal()] == 0
                    && (namedOnPage(feature) || labels.namesSum(feature.id()))) {
                // the feature's label on the page, and the arithmetic says which amount it is ("TOTAL" over "6.00");
                // or the feature asks for the total, and the arithmetic says which amount is one ("TOT*L, : RM 73.00")
                byLabels = TALLIED * value.strength();
                set(clues, Clue.UNLABELLED, 1);
            }
            double support = Math.max(Math.max(byLabels, zone), tied) * methodFactor(value, recogniser);
            if (support > 0) {
                set(clues, Clue.ZONE, zone);
                set(clues, Clue.CUE, cue ? 1 : 0);
                sightings.add(sighting(feature, value, support, withValueClues(clues, value, recogniser, support)));
            }
        }
        Clause clause = structure.clauses().get(feature.id());
        return clause == null ? byArithmetic(sightings) : structured(feature, clause, recogniser, sightings);
    }

    /**
     * Where the page's arithmetic makes one of the feature's labelled amounts a total, the amounts it
     * does not make one (a tax "included in total", a rounding, an item) lose to it as to a closer label.
     */
    private static List<Sighting> byArithmetic(List<Sighting> sightings) {
        boolean tallied = sightings.stream().anyMatch(s -> s.clue(Clue.TALLY) == 1 && s.clue(Clue.LABEL) > 0);
        if (!tallied) {
            return sightings;
        }
        return sightings.stream()
                .map(s -> s.clue(Clue.TALLY) == 1 ? s : s.withSupport(s.support() * DOMINATED))
                .toList();
    }

    /**
     * Whether a cue that the company after it owns the issuer ("Owned By:") stands before the value
     * on its line, or as a key of its own on the last line above it that is not blank.
     */
    private boolean ownedBy(Match value) {
        String text = page.text();
        int lineStart = text.lastIndexOf('\n', value.start() - 1) + 1;
        String before = text.substring(lineStart, value.start());
        if (!before.isBlank()) {
            return labels.namesOwner(before);
        }
        String above = text.substring(0, lineStart).strip();
        String line = above.substring(above.lastIndexOf('\n') + 1).strip();
        return line.endsWith(":") && labels.namesOwner(line);
    }

    /**
     * Words that label rather than say something: the start of a key, whose colon follows it or
     * follows an abbreviation or two ("Company Reg. No. :" read after the label "Company"; "INV No.:"),
     * or the document's title ("Tax Invoice"), a few words naming a kind of document. Neither is a name
     * or a text value.
     */
    private boolean keyOrTitle(Match value) {
        String text = page.text();
        if (KEY_REST.matcher(text).region(value.end(), text.length()).lookingAt()) {
            return true;
        }
        String words = text.substring(value.start(), value.end());
        return words.strip().split("\\s+").length <= TITLE_WORDS
                && words.chars().noneMatch(Character::isDigit)
                && labels.namesDocument(words);
    }

    /** Whether a label of the feature stands anywhere on the page. */
    private boolean namedOnPage(FeatureDefinition feature) {
        return associations.hits().stream().anyMatch(hit -> hit.features().contains(feature.id()));
    }

    /**
     * A contract's structure speaks for the clause a feature reads: where the document states the
     * clause, its statements replace what labels found; where it opens as a contract but states
     * nothing of the clause, label values are no more than suggestions.
     */
    private List<Sighting> structured(
            FeatureDefinition feature, Clause clause, Recogniser recogniser, List<Sighting> byLabels) {
        Contract contract = structure.contract();
        if (!contract.states(clause)) {
            if (contract.agreement() && !clause.labelledInProse()) {
                // an agreement that states no term has none a label could point at: "term" in its prose means much else
                return List.of();
            }
            // a contract's parties are whom its structure names; a label elsewhere only suggests one
            return contract.opening() || clause == Clause.PARTIES
                    ? byLabels.stream()
                            .map(s -> s.withSupport(Math.min(s.support(), LABEL_IN_CONTRACT)))
                            .toList()
                    : byLabels;
        }
        String running = ContractReader.runningText(page.text());
        List<Sighting> stated = new ArrayList<>();
        for (Statement statement : contract.on(page.index(), clause)) {
            int start = statement.start();
            while (start < statement.end() && Character.isWhitespace(running.charAt(start))) {
                start++;
            }
            int from = start;
            recogniser
                    .readAt(running, statement.start(), statement.end())
                    .filter(value -> value.start() == from)
                    .ifPresent(value -> {
                        double support = statement.support() * value.strength() * methodFactor(value, recogniser);
                        stated.add(sighting(
                                feature, value, support, withValueClues(Clue.none(), value, recogniser, support)));
                    });
        }
        return stated;
    }

    private List<Match> anchoredValues(FeatureDefinition feature, Recogniser recogniser) {
        List<Match> values = new ArrayList<>();
        for (LabelHit hit : associations.hits()) {
            if (hit.features().contains(feature.id())) {
                for (int[] span : associations.valueSpans(hit)) {
                    recogniser
                            .readAt(page.text(), span[0], span[1])
                            .filter(value -> values.stream().noneMatch(v -> v.start() == value.start()))
                            .ifPresent(values::add);
                }
                if (feature.cardinality() == Cardinality.MANY) {
                    ProseCues.joinedSpans(page.text(), hit.end())
                            .forEach(span -> recogniser
                                    .readAt(page.text(), span[0], span[1])
                                    .filter(value -> value.start() == span[0])
                                    .ifPresent(value -> {
                                        tiedByCue.put(value.start(), value.end());
                                        if (values.stream().noneMatch(v -> v.start() == value.start())) {
                                            values.add(value);
                                        }
                                    }));
                }
            }
        }
        return values;
    }

    /**
     * The feature's own label strength, unless a label of a rival feature of the same type or of the
     * context vocabulary names the value more strongly. A label shared with rivals ("Kenteken" for
     * both vehicles) says only what kind of value it is; then the labels that belong to this
     * feature alone ("tegenpartij", "Voertuig 2") decide; when none does, the value goes to the
     * feature listed first in the case type, the plain meaning of the shared label.
     */
    private double support(FeatureDefinition feature, Set<String> rivals, Match value, boolean tally, double[] clues) {
        double own = 0;
        double exclusive = 0;
        double other = 0;
        double rival = 0;
        double context = 0;
        double ownRelation = 0;
        double ownSimilarity = 0;
        LabelHit strongest = null;
        for (LabelHit hit : relevantHits.computeIfAbsent(feature.type(), type -> relevant(rivals))) {
            // How strongly the label names the value: its place (relation) times how well its words say the feature.
            double place = associations.relation(hit, value.start(), value.end());
            if (place == 0) {
                continue;
            }
            double similarity = hit.features().contains(feature.id()) ? hit.similarity(feature.id()) : hit.similarity();
            double relation = place * similarity;
            if (!hit.features().contains(feature.id())) {
                other = Math.max(other, relation);
                rival = hit.context() ? rival : Math.max(rival, relation);
                context = hit.context() ? Math.max(context, relation) : context;
            } else {
                if (relation > own) {
                    strongest = hit;
                    ownRelation = place;
                    ownSimilarity = similarity;
                }
                own = Math.max(own, relation);
                if (hit.features().stream().filter(rivals::contains).count() == 1) {
                    exclusive = Math.max(exclusive, relation);
                }
            }
        }
        boolean decidedByShared = exclusive + MARGIN < own;
        boolean exclusiveWins = exclusive > rival + MARGIN;
        boolean tie = decidedByShared && !exclusiveWins && rival <= exclusive + MARGIN;
        boolean contextSentence = associations.inContextSentence(value.start());
        // a context label beside a total ("Total incl. of GST 11.00") does not make it the tax: the arithmetic says so
        boolean wins = own + MARGIN >= (tally ? rival : other)
                && (!decidedByShared || exclusiveWins || (tie && firstOf(feature, strongest)))
                && !contextSentence;
        double label = wins ? own : own * DOMINATED;
        double place = Placement.wantsHeader(feature) ? 1 : place(feature.type(), value.start());
        set(clues, Clue.LABEL, own);
        set(clues, Clue.RELATION, ownRelation);
        set(clues, Clue.SIMILARITY, ownSimilarity);
        set(clues, Clue.RIVAL_LABEL, rival);
        set(clues, Clue.CONTEXT_LABEL, context);
        set(clues, Clue.EXCLUSIVE_LABEL, exclusive);
        set(clues, Clue.WINS, wins && own > 0 ? 1 : 0);
        set(clues, Clue.PLACE, place);
        set(clues, Clue.CONTEXT_SENTENCE, contextSentence ? 1 : 0);
        return label * place * value.strength();
    }

    /**
     * Whether a value of the feature may be a candidate without a label: a single value of a type
     * that says what it is, asked for once and for the main party (an unlabelled plate could be
     * either vehicle's). Whether it is stated once in the case with no rival, the decider says.
     */
    private boolean standsAlone(FeatureDefinition feature, Set<String> rivals) {
        return DISTINCTIVE.contains(feature.type())
                && feature.cardinality() == Cardinality.ONE
                && feature.role().isEmpty()
                && feature.zone().isEmpty()
                && onlyMainPartyFeature(feature, rivals);
    }

    /**
     * Whether the name a document is addressed to may be the feature's value: a recipient's feature,
     * or the main party's one name where the case type asks for no other party's name.
     */
    private boolean addressedTo(FeatureDefinition feature, Set<String> rivals) {
        if (feature.zone().isPresent() || feature.cardinality() != Cardinality.ONE) {
            return false;
        }
        if (feature.role().isPresent()) {
            return feature.role().get() == Role.RECIPIENT;
        }
        return feature.type() == FeatureType.PERSON_NAME && onlyMainPartyFeature(feature, rivals);
    }

    /** Whether the feature is the main party's and no other feature of its type is the main party's too. */
    private boolean onlyMainPartyFeature(FeatureDefinition feature, Set<String> rivals) {
        return labels.mainParty(feature.id())
                && rivals.stream().filter(labels::mainParty).count() == 1;
    }

    /** No label of any feature or of the context names the value, nor does a sentence about a bystander hold it. */
    private static boolean unlabelled(double[] clues) {
        return clues[Clue.LABEL.ordinal()] == 0
                && clues[Clue.RIVAL_LABEL.ordinal()] == 0
                && clues[Clue.CONTEXT_LABEL.ordinal()] == 0
                && clues[Clue.CONTEXT_SENTENCE.ordinal()] == 0;
    }

    /**
     * The value is a word of its own, not digits inside a reference ("NK67640558", "AUT-2021-9168107"
     * read as a phone number): a label would have said what such digits are.
     */
    private boolean standsApart(Match value) {
        String text = page.text();
        return (value.start() == 0 || apart(text.charAt(value.start() - 1)))
                && (value.end() >= text.length()
                        || apart(text.charAt(value.end()))
                        || text.charAt(value.end()) == '.'
                                && (value.end() + 1 >= text.length()
                                        || Character.isWhitespace(text.charAt(value.end() + 1))));
    }

    private static boolean apart(char c) {
        return !Character.isLetterOrDigit(c) && "-/._".indexOf(c) < 0;
    }

    /**
     * How much the place of a value on the page lets it count. A chamber of commerce number always
     * identifies a business, so in a letterhead or footer it is what a kvk feature asks for, unless
     * the business is the insurer the claim is sent to (its forms carry its own number). Accounts,
     * phones and addresses in a letterhead are the publisher's while such features usually mean a
     * party.
     */
    private double place(FeatureType type, int position) {
        if (type == FeatureType.KVK) {
            return layout.insurerMargin(position) ? INSURER : layout.footer(position) ? FOOTER_KVK : 1;
        }
        return layout.letterhead(position) ? LETTERHEAD : 1;
    }

    /** The labels that may name a value of one type: the context's and those of the type's features. */
    private List<LabelHit> relevant(Set<String> rivals) {
        return associations.hits().stream()
                .filter(hit -> hit.context() || hit.features().stream().anyMatch(rivals::contains))
                .toList();
    }

    /** Whether the feature comes first in the case type among those the shared label names. */
    private boolean firstOf(FeatureDefinition feature, LabelHit hit) {
        return hit != null
                && caseType.features().stream()
                        .filter(candidate -> hit.features().contains(candidate.id()))
                        .findFirst()
                        .map(first -> first.id().equals(feature.id()))
                        .orElse(false);
    }

    private double methodFactor(Match value, Recogniser recogniser) {
        if (page.method() != TextMethod.OCR || recogniser.selfChecking()) {
            return 1;
        }
        return 0.6 + 0.4 * layout.confidence(value.start(), value.end());
    }

    /** The clues every sighting has, whatever supports it: the value's own and its page's. */
    private double[] withValueClues(double[] clues, Match value, Recogniser recogniser, double support) {
        set(clues, Clue.SUPPORT, support);
        set(clues, Clue.STRENGTH, value.strength());
        set(clues, Clue.OCR, page.method() == TextMethod.OCR ? 1 : 0);
        set(
                clues,
                Clue.OCR_CONFIDENCE,
                page.method() == TextMethod.OCR ? layout.confidence(value.start(), value.end()) : 1);
        set(clues, Clue.FIRST_PAGE, page.index() == 0 ? 1 : 0);
        set(clues, Clue.SELF_CHECKING, recogniser.selfChecking() ? 1 : 0);
        set(clues, Clue.FREE_TEXT, recogniser.anchored() ? 1 : 0);
        return clues;
    }

    private static void set(double[] clues, Clue clue, double value) {
        clues[clue.ordinal()] = value;
    }

    private Sighting sighting(FeatureDefinition feature, Match value, double support, double[] clues) {
        String quote = page.text().substring(value.start(), value.end());
        Evidence evidence = new Evidence(
                StableIds.of("ev", feature.id(), docId, page.index(), value.start(), value.end()),
                docId,
                page.index(),
                new EvidenceLocation(value.start(), value.end(), layout.box(value.start(), value.end())),
                quote,
                page.method(),
                page.method() == TextMethod.OCR
                        ? OptionalDouble.of(layout.confidence(value.start(), value.end()))
                        : OptionalDouble.empty());
        return new Sighting(value.normalized(), key(feature.type(), value.normalized()), evidence, support, clues);
    }

    /** Values that differ only in spacing or case are one value when comparing identifiers; names differ not by case. */
    private static String key(FeatureType type, String normalized) {
        return switch (type) {
            case IDENTIFIER -> normalized.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            // a name printed in capitals in the signatures is the name of the opening sentence
            case ORGANIZATION_NAME -> normalized.toUpperCase(Locale.ROOT);
            default -> normalized;
        };
    }
}
