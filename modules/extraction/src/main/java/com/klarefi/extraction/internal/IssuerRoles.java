package com.klarefi.extraction.internal;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.Role;
import com.klarefi.extraction.api.Zone;
import com.klarefi.extraction.internal.language.FeatureMatcher;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The roles a case type implies where it states none. An operator who writes a receipt's fields as
 * "company" and "address" means the shop that printed it: the lexicon knows that a company, merchant
 * or store names the document's issuer, and an address with no other party in the case type can
 * only be the issuer's. The one date of a case type whose labels say only "date" is the document's
 * date, printed in its body with or without a label. An identifier labelled as a kind whose format
 * the lexicon knows (a flight number) takes that format. A stated role or zone is never overridden, and
 * a case type with a party of its own (an insured, a counterparty) keeps its addresses unplaced.
 */
final class IssuerRoles {
    private IssuerRoles() {}

    static CaseType apply(CaseType caseType, FeatureMatcher matcher) {
        boolean otherParties = caseType.features().stream()
                .anyMatch(feature ->
                        feature.role().filter(role -> role != Role.ISSUER).isPresent()
                                || !matcher.mainParty(feature.id()));
        List<FeatureDefinition> features = caseType.features().stream()
                .map(feature -> implied(feature, matcher, otherParties))
                .map(feature -> documentDate(feature, caseType, matcher))
                .map(feature -> formatted(feature, matcher))
                .toList();
        return features.equals(caseType.features())
                ? caseType
                : new CaseType(caseType.id(), caseType.name(), caseType.names(), caseType.locales(), features);
    }

    private static FeatureDefinition documentDate(
            FeatureDefinition feature, CaseType caseType, FeatureMatcher matcher) {
        boolean onlyDate = feature.type() == FeatureType.DATE
                && caseType.features().stream()
                                .filter(other -> other.type() == FeatureType.DATE)
                                .count()
                        == 1;
        if (feature.placed() || !onlyDate || !matcher.namesOnlyItsType(feature.id())) {
            return feature;
        }
        return new FeatureDefinition(
                feature.id(),
                feature.type(),
                feature.cardinality(),
                feature.labels(),
                feature.pattern(),
                feature.required(),
                feature.role(),
                Optional.of(Zone.BODY),
                feature.currency());
    }

    /** An identifier whose labels name a kind the lexicon knows the format of (a flight number) takes that format. */
    private static FeatureDefinition formatted(FeatureDefinition feature, FeatureMatcher matcher) {
        if (feature.type() != FeatureType.IDENTIFIER || feature.pattern().isPresent()) {
            return feature;
        }
        return matcher.format(feature.id())
                .map(format -> new FeatureDefinition(
                        feature.id(),
                        feature.type(),
                        feature.cardinality(),
                        feature.labels(),
                        Optional.of(Pattern.compile(format)),
                        feature.required(),
                        feature.role(),
                        feature.zone(),
                        feature.currency()))
                .orElse(feature);
    }

    private static FeatureDefinition implied(FeatureDefinition feature, FeatureMatcher matcher, boolean otherParties) {
        if (feature.placed()) {
            return feature;
        }
        boolean issuerName = (feature.type() == FeatureType.TEXT || feature.type() == FeatureType.ORGANIZATION_NAME)
                && matcher.namesIssuer(feature.id());
        boolean issuerBlock = feature.type() == FeatureType.TEXT && !otherParties && matcher.namesBlock(feature.id());
        if (!issuerName && !issuerBlock) {
            return feature;
        }
        return new FeatureDefinition(
                feature.id(),
                feature.type(),
                feature.cardinality(),
                feature.labels(),
                feature.pattern(),
                feature.required(),
                Optional.of(Role.ISSUER),
                feature.zone(),
                feature.currency());
    }
}
