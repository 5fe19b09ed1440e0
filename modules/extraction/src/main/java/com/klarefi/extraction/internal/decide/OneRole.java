package com.klarefi.extraction.internal.decide;

import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vehicle, a bank account, a company, a mailbox or a phone line belongs to one party. When two
 * features of such a type (the claimant's plate and the other party's) both see one value, the
 * feature that sees it clearly more strongly over the whole case owns it, and the other keeps only
 * a fraction of its support: otherwise weak sightings of the claimant's own plate in several
 * documents add up to a counterparty value. Dates, amounts and names may rightly coincide
 * (an incident on the day of departure), so they are left alone.
 */
public final class OneRole {
    private static final Set<FeatureType> ENTITY_TYPES = EnumSet.of(
            FeatureType.LICENSE_PLATE, FeatureType.IBAN, FeatureType.KVK, FeatureType.EMAIL, FeatureType.PHONE);
    private static final double MARGIN = 0.1;
    private static final double OWNED_ELSEWHERE = 0.3;

    private OneRole() {}

    /** The sightings per feature id, with values owned by a rival feature discounted. */
    public static Map<String, List<Sighting>> apply(
            List<FeatureDefinition> features, Map<String, List<Sighting>> sightings) {
        Map<String, List<Sighting>> result = new LinkedHashMap<>(sightings);
        for (FeatureType type : ENTITY_TYPES) {
            List<FeatureDefinition> rivals =
                    features.stream().filter(f -> f.type() == type).toList();
            if (rivals.size() < 2) {
                continue;
            }
            Map<String, Map<String, Double>> supportByFeature = new HashMap<>();
            rivals.forEach(f -> supportByFeature.put(f.id(), supportByValue(sightings.get(f.id()))));
            for (FeatureDefinition feature : rivals) {
                result.put(feature.id(), discounted(feature.id(), sightings.get(feature.id()), supportByFeature));
            }
        }
        return result;
    }

    private static List<Sighting> discounted(
            String featureId, List<Sighting> own, Map<String, Map<String, Double>> supportByFeature) {
        List<Sighting> out = new ArrayList<>();
        for (Sighting sighting : own) {
            double mine = supportByFeature.get(featureId).getOrDefault(sighting.key(), 0.0);
            boolean ownedElsewhere = supportByFeature.entrySet().stream()
                    .anyMatch(other -> !other.getKey().equals(featureId)
                            && other.getValue().getOrDefault(sighting.key(), 0.0) > mine + MARGIN);
            out.add(ownedElsewhere ? sighting.discounted(OWNED_ELSEWHERE, Clue.OWNED_ELSEWHERE, 1) : sighting);
        }
        return out;
    }

    private static Map<String, Double> supportByValue(List<Sighting> sightings) {
        Map<String, List<Sighting>> byValue = new HashMap<>();
        sightings.forEach(
                s -> byValue.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        Map<String, Double> support = new HashMap<>();
        byValue.forEach((key, list) -> support.put(key, Decider.combined(list)));
        return support;
    }
}
