package com.klarefi.extraction.internal;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.internal.contract.Clause;
import com.klarefi.extraction.internal.contract.Contract;
import com.klarefi.extraction.internal.contract.ContractReader;
import com.klarefi.extraction.internal.decide.Decider;
import com.klarefi.extraction.internal.decide.OneRole;
import com.klarefi.extraction.internal.decide.Ranker;
import com.klarefi.extraction.internal.decide.Sighting;
import com.klarefi.extraction.internal.language.FeatureMatcher;
import com.klarefi.extraction.internal.language.Lexicon;
import com.klarefi.extraction.internal.layout.LabelFinder;
import com.klarefi.extraction.internal.recognise.Recognisers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extraction engine: every page of every document is read for every feature (recognisers find
 * values, labels and layout say which feature each belongs to), then the sightings of all documents
 * are decided per feature.
 */
public final class ExtractionEngine implements Extractor {
    private final Recognisers recognisers;
    private final Decider decider;
    private final Decider rules = new Decider(Optional.empty());
    private final Map<CaseType, LabelFinder> labelFinders = new ConcurrentHashMap<>();
    private final Map<CaseType, CaseType> withRoles = new ConcurrentHashMap<>();
    private final Map<CaseType, Map<String, Clause>> clauses = new ConcurrentHashMap<>();

    private ExtractionEngine(Recognisers recognisers, Optional<Ranker> ranker) {
        this.recognisers = recognisers;
        this.decider = new Decider(ranker);
    }

    /** The engine with the shipped ranker (see {@link Ranker#shipped()}), else the rule scorer. */
    public static ExtractionEngine create() {
        return new ExtractionEngine(new Recognisers(), Ranker.shipped());
    }

    /** The engine deciding with this ranker, or with the rule scorer when there is none. */
    public static ExtractionEngine create(Optional<Ranker> ranker) {
        return new ExtractionEngine(new Recognisers(), ranker);
    }

    @Override
    public ExtractionResult extract(CaseType caseType, List<DocumentText> documents) {
        return extract(caseType, documents, Decider.SignalSink.NONE);
    }

    /** Extracts, and hands every candidate's signals to {@code sink} (training rows are made of them). */
    public ExtractionResult extract(CaseType stated, List<DocumentText> documents, Decider.SignalSink sink) {
        CaseType caseType = withRoles.computeIfAbsent(
                stated, type -> IssuerRoles.apply(type, new FeatureMatcher(type, Lexicon.standard())));
        LabelFinder labels = labelFinders.computeIfAbsent(caseType, LabelFinder::new);
        Map<String, List<Sighting>> sightings = new LinkedHashMap<>();
        caseType.features().forEach(feature -> sightings.put(feature.id(), new ArrayList<>()));
        Map<String, Clause> featureClauses = clauses.computeIfAbsent(caseType, ExtractionEngine::clauses);
        boolean agreements = false;
        boolean readsDates = caseType.features().stream().anyMatch(feature -> feature.type() == FeatureType.DATE);
        for (DocumentText document : documents) {
            // a document says in which order it writes numeric dates; only a case type with dates pays for asking
            Recognisers inDocument = readsDates
                    ? recognisers.inDocument(
                            document.pages().stream().map(PageLayer::text).toList())
                    : recognisers;
            // only a case type that asks for a contract's clauses pays for reading the structure
            Contract contract =
                    featureClauses.isEmpty() ? Contract.none() : new ContractReader(inDocument).read(document.pages());
            agreements |= contract.agreement();
            for (PageLayer page : document.pages()) {
                PageReader reader = new PageReader(
                        caseType,
                        inDocument,
                        labels,
                        document.docId(),
                        page,
                        new PageReader.Structure(featureClauses, contract));
                reader.read()
                        .forEach((featureId, found) -> sightings.get(featureId).addAll(found));
            }
        }
        Map<String, List<Sighting>> owned = OneRole.apply(caseType.features(), sightings);
        List<FeatureResult> results = new ArrayList<>();
        for (FeatureDefinition feature : caseType.features()) {
            // the ranker learned from labelled forms, not from what an agreement's structure states: the rules decide
            // those
            Decider deciding = agreements && featureClauses.containsKey(feature.id()) ? rules : decider;
            results.add(deciding.decide(feature, owned.get(feature.id()), sink));
        }
        return new ExtractionResult(caseType.id(), results);
    }

    /** The contract clause each feature reads, for the features whose labels name one. */
    private static Map<String, Clause> clauses(CaseType caseType) {
        Map<String, Clause> clauses = new LinkedHashMap<>();
        caseType.features()
                .forEach(feature ->
                        Clause.of(feature, Lexicon.standard()).ifPresent(clause -> clauses.put(feature.id(), clause)));
        return Map.copyOf(clauses);
    }
}
